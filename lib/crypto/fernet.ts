import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Fernet (github.com/fernet/spec) on node:crypto: AES-128-CBC + HMAC-SHA256, urlsafe base64.

const VERSION = 0x80;
const HEADER_LENGTH = 1 + 8 + 16;
const HMAC_LENGTH = 32;
const MAX_CLOCK_SKEW_SECONDS = 60;

export class FernetError extends Error {
  override readonly name = "FernetError";
}

export interface FernetKey {
  signingKey: Buffer;
  encryptionKey: Buffer;
}

/** Parses a urlsafe-base64 32-byte Fernet key. */
export function parseFernetKey(key: string | Buffer): FernetKey {
  const raw = typeof key === "string" ? decodeUrlsafeBase64(key) : key;
  if (!raw || raw.length !== 32) throw new FernetError("A Fernet key is 32 bytes of urlsafe base64.");
  return { signingKey: raw.subarray(0, 16), encryptionKey: raw.subarray(16, 32) };
}

export interface EncryptOptions {
  /** Seconds since the epoch (default: now). */
  now?: number;
  /** 16-byte IV (default: random). Fixed only for test vectors. */
  iv?: Buffer;
}

export function fernetEncrypt(key: FernetKey, plaintext: Buffer | string, options: EncryptOptions = {}): string {
  const iv = options.iv ?? randomBytes(16);
  if (iv.length !== 16) throw new FernetError("The IV must be 16 bytes.");
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const cipher = createCipheriv("aes-128-cbc", key.encryptionKey, iv);
  const ciphertext = Buffer.concat([
    cipher.update(typeof plaintext === "string" ? Buffer.from(plaintext, "utf8") : plaintext),
    cipher.final(),
  ]);
  const header = Buffer.alloc(9);
  header.writeUInt8(VERSION, 0);
  header.writeBigUInt64BE(BigInt(now), 1);
  const signed = Buffer.concat([header, iv, ciphertext]);
  const hmac = createHmac("sha256", key.signingKey).update(signed).digest();
  return Buffer.concat([signed, hmac]).toString("base64url") + padding(signed.length + hmac.length);
}

export interface DecryptOptions {
  /** Reject tokens older than this many seconds (default: no limit). */
  ttlSeconds?: number;
  /** Seconds since the epoch (default: now). */
  now?: number;
}

/** Verifies and decrypts a token; throws FernetError on any defect (never returns partial data). */
export function fernetDecrypt(key: FernetKey, token: string, options: DecryptOptions = {}): Buffer {
  const data = decodeUrlsafeBase64(token);
  if (!data) throw new FernetError("The token is not valid urlsafe base64.");
  if (data.length < HEADER_LENGTH + 16 + HMAC_LENGTH) throw new FernetError("The token is too short.");
  if (data[0] !== VERSION) throw new FernetError("Unknown token version.");
  const cipherLength = data.length - HEADER_LENGTH - HMAC_LENGTH;
  if (cipherLength % 16 !== 0) throw new FernetError("The ciphertext is not a whole number of blocks.");

  const signed = data.subarray(0, data.length - HMAC_LENGTH);
  const expected = createHmac("sha256", key.signingKey).update(signed).digest();
  if (!timingSafeEqual(expected, data.subarray(data.length - HMAC_LENGTH)))
    throw new FernetError("The token's signature does not match.");

  const timestamp = Number(data.readBigUInt64BE(1));
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (timestamp > now + MAX_CLOCK_SKEW_SECONDS) throw new FernetError("The token is from the future.");
  if (options.ttlSeconds !== undefined && timestamp + options.ttlSeconds < now)
    throw new FernetError("The token has expired.");

  try {
    const decipher = createDecipheriv("aes-128-cbc", key.encryptionKey, data.subarray(9, HEADER_LENGTH));
    return Buffer.concat([decipher.update(data.subarray(HEADER_LENGTH, data.length - HMAC_LENGTH)), decipher.final()]);
  } catch {
    throw new FernetError("The token could not be decrypted (bad padding).");
  }
}

/** Strict urlsafe base64 (padding optional): Buffer.from silently skips bad characters, so check first. */
function decodeUrlsafeBase64(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) return null;
  const body = text.replace(/=+$/, "");
  if (body.length % 4 === 1) return null;
  return Buffer.from(body, "base64url");
}

function padding(byteLength: number): string {
  const remainder = byteLength % 3;
  return remainder === 0 ? "" : "=".repeat(3 - remainder);
}
