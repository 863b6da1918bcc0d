/** Bundle passphrases (SPEC §2): at least 8 characters (code points, so emoji count once). */
export const MIN_PASSPHRASE_LENGTH = 8;
