// PBKDF2 iteration counts (SPEC §2, §6). Pure constants: the bundle schema, which also runs in the
// browser, reads them.

/** OWASP 2023 guidance for PBKDF2-HMAC-SHA256; bundles record the count they were made with. */
export const BUNDLE_KDF_ITERATIONS = 600_000;
/** The range accepted from a bundle: no weaker than we make, and bounded work (~2 s at most). */
export const MIN_BUNDLE_KDF_ITERATIONS = 600_000;
export const MAX_BUNDLE_KDF_ITERATIONS = 5_000_000;
