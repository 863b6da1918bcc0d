import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isTenantAdmin } from "@/lib/auth/permissions";
import { assertPassphrase, openBundleEncryption } from "@/lib/bundle/bundle-crypto";
import { encryptionSchema, type BundleEncryption } from "@/lib/bundle/schema";
import type { FernetKey } from "@/lib/crypto/fernet";
import { AppError } from "@/lib/errors";
import { PASSPHRASE_ATTEMPTS_PER_MINUTE, withAttemptLimit } from "@/lib/security/rate-limit";
import { resolveTenant } from "@/lib/tenants/resolve-tenant";

/**
 * Opens a bundle's credentials with a passphrase: the one place both the wizard's passphrase step
 * and every import check one. Each check costs a key derivation, so every attempt counts towards
 * the per-user limit, right or wrong.
 */
export async function unlockBundleKey(options: {
  actor: Pick<Actor, "userId" | "email">;
  encryption: BundleEncryption;
  passphrase: string;
}): Promise<FernetKey> {
  const limits = [
    { key: `passphrase:${options.actor.userId || options.actor.email}`, limit: PASSPHRASE_ATTEMPTS_PER_MINUTE },
  ];
  return withAttemptLimit({ limits, what: "passphrase", isFailure: () => true, count: "every" }, () =>
    openBundleEncryption(options.encryption, options.passphrase),
  );
}

/**
 * The wizard's passphrase step: checks a passphrase against a bundle's verifier (only the small
 * `encryption` block is sent, not the bundle). Only those who may import reach it — an admin of
 * the named tenant, or of any tenant when none is named.
 */
export async function checkPassphrase(options: {
  actor: Actor;
  encryption: unknown;
  passphrase: string;
  tenantSlug?: string;
}): Promise<void> {
  const { actor } = options;
  if (options.tenantSlug !== undefined)
    await resolveTenant({ actor, tenantSlug: options.tenantSlug, requireAdmin: true });
  else if (!actor.isSystemAdmin && !actor.memberships.some((m) => isTenantAdmin(actor, m.tenantId)))
    throw new AppError("FORBIDDEN", "Only a tenant admin can import bundles with credentials.");
  const parsed = encryptionSchema.safeParse(options.encryption);
  if (!parsed.success)
    throw new AppError(
      "INVALID_BUNDLE",
      "The bundle's encryption parameters are not valid.",
      parsed.error.issues.map((issue) => ({ path: ["encryption", ...issue.path].join("."), reason: issue.message })),
    );
  assertPassphrase(options.passphrase);
  await unlockBundleKey({ actor, encryption: parsed.data, passphrase: options.passphrase });
}
