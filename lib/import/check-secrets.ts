import { decryptCredentials } from "@/lib/bundle/bundle-crypto";
import { GENERIC_SECTIONS } from "@/lib/bundle/sections";
import type { Bundle } from "@/lib/bundle/schema";
import type { FernetKey } from "@/lib/crypto/fernet";
import { AppError, type ErrorDetail } from "@/lib/errors";

/**
 * Every credential token of the bundle, decrypted and checked before anything is planned or
 * written — a dry run answers what the import would: a flipped bit, a token made with another
 * key, a truncated token or a secret of the wrong shape (a BigQuery key on a Postgres connection,
 * a password as an LLM key, the verifier used as a secret) is INVALID_BUNDLE with its path.
 */
export function checkSecrets(bundle: Bundle, key: FernetKey | null): void {
  if (!key) return;
  const problems: ErrorDetail[] = [];
  for (const section of GENERIC_SECTIONS) {
    if (!section.credentialsOf) continue;
    section.items(bundle[section.key]).forEach((item, index) => {
      const path = `${section.key}.${index}`;
      const credentials = section.credentialsOf!(item);
      if (typeof credentials !== "object") return;
      try {
        const secret = decryptCredentials(key, credentials, path);
        const problem = secret && section.secretProblem?.(item, secret);
        if (problem) problems.push({ path: `${path}.credentials`, reason: problem });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        problems.push(...((error.details as ErrorDetail[] | undefined) ?? [{ path, reason: error.message }]));
      }
    });
  }
  if (problems.length > 0)
    throw new AppError(
      "INVALID_BUNDLE",
      `${problems.length === 1 ? "A secret" : `${problems.length} secrets`} in the bundle cannot be used: ${problems[0]!.path}: ${problems[0]!.reason}.`,
      problems.slice(0, 50),
    );
}
