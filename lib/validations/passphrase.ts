/** Bundle passphrases (SPEC §2): at least 8 characters (code points, so emoji count once). */
export const MIN_PASSPHRASE_LENGTH = 8;
/** Every key derivation hashes the whole passphrase: bound it like a password. */
export const MAX_PASSPHRASE_LENGTH = 1_024;
