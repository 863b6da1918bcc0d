import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// Secrets at rest: each tenant has a random 32-byte data key, stored wrapped (AES-256-GCM) under
// the instance master key (FERRY_MASTER_KEY, 32 bytes base64). Secrets are AES-256-GCM under the
// tenant data key. Both use the same sealed format: v1.<iv>.<ciphertext>.<tag> (base64url).

export class SecretDecryptionError extends Error {
  override readonly name = "SecretDecryptionError";
}

let cachedMasterKey: Buffer | undefined;

export function masterKey(): Buffer {
  if (cachedMasterKey) return cachedMasterKey;
  const raw = process.env.FERRY_MASTER_KEY;
  if (!raw)
    throw new Error(
      "FERRY_MASTER_KEY is not set. `npm start` generates one under .data/ for the embedded database; set it explicitly for your own PostgreSQL.",
    );
  const key = Buffer.from(raw, "base64");
  if (key.length !== 32)
    throw new Error("FERRY_MASTER_KEY must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`).");
  cachedMasterKey = key;
  return key;
}

export function seal(key: Buffer, plaintext: Buffer, associatedData: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [
    "v1",
    iv.toString("base64url"),
    ciphertext.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
  ].join(".");
}

/** Fails closed: any defect (format, key, tag) throws; there is no plaintext fallback. */
export function unseal(key: Buffer, sealed: string, associatedData: string): Buffer {
  const parts = sealed.split(".");
  if (parts.length !== 4 || parts[0] !== "v1") throw new SecretDecryptionError("Unknown secret format.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(parts[1]!, "base64url"));
    decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(Buffer.from(parts[3]!, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(parts[2]!, "base64url")), decipher.final()]);
  } catch {
    throw new SecretDecryptionError("A stored secret could not be decrypted (wrong key or tampered data).");
  }
}

export function newWrappedDataKey(): string {
  return seal(masterKey(), randomBytes(32), "ferry-tenant-data-key");
}

export function unwrapDataKey(wrapped: string): Buffer {
  return unseal(masterKey(), wrapped, "ferry-tenant-data-key");
}
