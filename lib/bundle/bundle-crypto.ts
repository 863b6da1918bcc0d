import { deriveBundleKey, newBundleSalt } from "@/lib/crypto/derive-bundle-key";
import {
  BUNDLE_KDF_ITERATIONS,
  MAX_BUNDLE_KDF_ITERATIONS,
  MIN_BUNDLE_KDF_ITERATIONS,
} from "@/lib/crypto/kdf-iterations";
import { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH } from "@/lib/validations/passphrase";
import { fernetDecrypt, fernetEncrypt, FernetError, type FernetKey } from "@/lib/crypto/fernet";
import { AppError } from "@/lib/errors";
import type { BundleCredentials, BundleEncryption } from "./schema";

// Credentials in a bundle: Fernet tokens under PBKDF2-HMAC-SHA256(passphrase, salt, iterations).
// The envelope's verifier (a token of "ferry") lets import reject a wrong passphrase before any
// secret is touched or anything written.

export const VERIFIER_PLAINTEXT = "ferry";

export type SecretObject = Record<string, unknown>;

export function assertPassphrase(passphrase: string | undefined | null): asserts passphrase is string {
  if (passphrase === undefined || passphrase === null || passphrase === "")
    throw new AppError("PASSPHRASE_REQUIRED", "Enter the passphrase the bundle was exported with.");
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH)
    throw new AppError("PASSPHRASE_TOO_SHORT", `A passphrase has at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  if (passphrase.length > MAX_PASSPHRASE_LENGTH)
    throw new AppError(
      "INVALID_OPTIONS",
      `A passphrase has at most ${MAX_PASSPHRASE_LENGTH.toLocaleString("en-US")} characters.`,
    );
}

export async function createBundleEncryption(
  passphrase: string,
  iterations = BUNDLE_KDF_ITERATIONS,
): Promise<{ encryption: BundleEncryption; key: FernetKey }> {
  if (!passphrase)
    throw new AppError(
      "PASSPHRASE_REQUIRED",
      `Choose a passphrase (at least ${MIN_PASSPHRASE_LENGTH} characters) to encrypt the credentials with, or export without them.`,
    );
  assertPassphrase(passphrase);
  const salt = newBundleSalt();
  const key = await deriveBundleKey({ passphrase, salt, iterations });
  const encryption: BundleEncryption = {
    cipher: "fernet",
    kdf: "pbkdf2-sha256",
    iterations,
    salt: salt.toString("base64"),
    verifier: fernetEncrypt(key, VERIFIER_PLAINTEXT),
  };
  return { encryption, key };
}

/** Derives the bundle key and checks it against the verifier: WRONG_PASSPHRASE on mismatch. */
export async function openBundleEncryption(
  encryption: BundleEncryption,
  passphrase: string | undefined | null,
): Promise<FernetKey> {
  assertPassphrase(passphrase);
  // The schema checks the range too; this guard keeps every caller from deriving outside it.
  const { iterations } = encryption;
  if (!Number.isInteger(iterations) || iterations < MIN_BUNDLE_KDF_ITERATIONS || iterations > MAX_BUNDLE_KDF_ITERATIONS)
    throw new AppError(
      "INVALID_BUNDLE",
      `The bundle's key derivation must use ${MIN_BUNDLE_KDF_ITERATIONS.toLocaleString("en-US")} to ${MAX_BUNDLE_KDF_ITERATIONS.toLocaleString("en-US")} iterations.`,
      [{ path: "encryption.iterations", reason: "outside 600000–5000000" }],
    );
  const key = await deriveBundleKey({
    passphrase,
    salt: Buffer.from(encryption.salt, "base64"),
    iterations: encryption.iterations,
  });
  let plain: string;
  try {
    plain = fernetDecrypt(key, encryption.verifier).toString("utf8");
  } catch (error) {
    if (error instanceof FernetError)
      throw new AppError("WRONG_PASSPHRASE", "That passphrase does not open this bundle's credentials.");
    throw error;
  }
  if (plain !== VERIFIER_PLAINTEXT)
    throw new AppError("WRONG_PASSPHRASE", "That passphrase does not open this bundle's credentials.");
  return key;
}

export function encryptCredentials(key: FernetKey, secret: SecretObject): BundleCredentials {
  return { encrypted: fernetEncrypt(key, JSON.stringify(secret)) };
}

/** Decrypts one secret; a tampered or foreign token fails closed with the item's path. */
export function decryptCredentials(key: FernetKey, credentials: BundleCredentials, path: string): SecretObject | null {
  if (typeof credentials !== "object") return null;
  let value: unknown;
  try {
    value = JSON.parse(fernetDecrypt(key, credentials.encrypted).toString("utf8"));
  } catch {
    throw new AppError(
      "INVALID_BUNDLE",
      `The encrypted credentials at ${path} are damaged or were not made with this bundle's passphrase.`,
      [{ path: `${path}.credentials`, reason: "token does not verify" }],
    );
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new AppError("INVALID_BUNDLE", `The credentials at ${path} do not hold a secret object.`, [
      { path: `${path}.credentials`, reason: "not an object" },
    ]);
  }
  return value as SecretObject;
}
