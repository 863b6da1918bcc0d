import { pbkdf2, randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { parseFernetKey, type FernetKey } from "./fernet";

const pbkdf2Async = promisify(pbkdf2);

/** OWASP 2023 guidance for PBKDF2-HMAC-SHA256; bundles record the count they were made with. */
export const BUNDLE_KDF_ITERATIONS = 600_000;
/** Upper bound accepted from a bundle, so a hostile file cannot make the server spin for minutes. */
export const MAX_BUNDLE_KDF_ITERATIONS = 10_000_000;

export function newBundleSalt(): Buffer {
  return randomBytes(16);
}

/**
 * PBKDF2-HMAC-SHA256(passphrase, salt, iterations) → 32 bytes → Fernet key. The urlsafe-base64
 * form of those 32 bytes is what `cryptography.fernet.Fernet` accepts.
 */
export async function deriveBundleKey(options: {
  passphrase: string;
  salt: Buffer;
  iterations: number;
}): Promise<FernetKey> {
  const raw = await pbkdf2Async(
    Buffer.from(options.passphrase, "utf8"),
    options.salt,
    options.iterations,
    32,
    "sha256",
  );
  return parseFernetKey(raw);
}
