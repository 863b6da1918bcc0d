import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { openBundleEncryption } from "@/lib/bundle/bundle-crypto";
import { encryptionSchema } from "@/lib/bundle/schema";
import { AppError, isAppError } from "@/lib/errors";
import { PASSPHRASE_ATTEMPTS_PER_MINUTE, withAttemptLimit } from "@/lib/security/rate-limit";

/**
 * The wizard's passphrase step: checks a passphrase against a bundle's verifier (only the small
 * `encryption` block is sent, not the bundle). Wrong guesses count towards the rate limit.
 */
export async function checkPassphrase(options: {
  actor: Actor;
  encryption: unknown;
  passphrase: string;
}): Promise<void> {
  const parsed = encryptionSchema.safeParse(options.encryption);
  if (!parsed.success) throw new AppError("INVALID_BUNDLE", "The bundle's encryption parameters are not valid.");
  const limits = [{ key: `passphrase:${options.actor.userId}`, limit: PASSPHRASE_ATTEMPTS_PER_MINUTE }];
  await withAttemptLimit(
    { limits, what: "passphrase", isFailure: (error) => isAppError(error) && error.code === "WRONG_PASSPHRASE" },
    () => openBundleEncryption(parsed.data, options.passphrase),
  );
}
