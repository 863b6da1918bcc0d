import { createHash, randomBytes } from "node:crypto";

// Random bearer secrets (session cookies, personal access tokens). Only their SHA-256 is stored:
// they carry 256 bits of entropy, so a fast hash is enough and lookups stay indexed.

export const ACCESS_TOKEN_PREFIX = "ferry_pat_";

export function newSecretToken(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
