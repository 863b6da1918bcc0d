import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { openBundleEncryption } from "@/lib/bundle/bundle-crypto";
import { encryptionSchema, type BundleEncryption } from "@/lib/bundle/schema";
import type { FernetKey } from "@/lib/crypto/fernet";
import { AppError, isAppError } from "@/lib/errors";
import { PASSPHRASE_ATTEMPTS_PER_MINUTE, withAttemptLimit } from "@/lib/security/rate-limit";

/**
 * Opens a bundle's credentials with a passphrase, under the per-user passphrase limit: the one
 * place both the wizard's passphrase step and every import check a passphrase.
 */
export async function unlockBundleKey(options: {
  actor: Pick<Actor, "userId" | "email">;
  encryption: BundleEncryption;
  passphrase: string;
}): Promise<FernetKey> {
  const limits = [
    { key: `passphrase:${options.actor.userId || options.actor.email}`, limit: PASSPHRASE_ATTEMPTS_PER_MINUTE },
  ];
  return withAttemptLimit(
    { limits, what: "passphrase", isFailure: (error) => isAppError(error) && error.code === "WRONG_PASSPHRASE" },
    () => openBundleEncryption(options.encryption, options.passphrase),
  );
}

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
  await unlockBundleKey({ actor: options.actor, encryption: parsed.data, passphrase: options.passphrase });
}
