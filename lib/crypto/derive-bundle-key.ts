import { pbkdf2, randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { parseFernetKey, type FernetKey } from "./fernet";
import { createSemaphore } from "./semaphore";

const pbkdf2Async = promisify(pbkdf2);

/**
 * Derivations running at once per instance. Node runs PBKDF2 on libuv's thread pool (4 threads by
 * default), which also hashes passwords at sign-in: two slots leave the rest free for everyone else.
 */
export const KDF_CONCURRENCY = 2;

const derivationSlot = createSemaphore(KDF_CONCURRENCY);

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
  const raw = await derivationSlot(() =>
    pbkdf2Async(Buffer.from(options.passphrase, "utf8"), options.salt, options.iterations, 32, "sha256"),
  );
  return parseFernetKey(raw);
}
