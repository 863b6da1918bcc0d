import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isTenantAdmin } from "@/lib/auth/permissions";
import { assertPassphrase, openBundleEncryption } from "@/lib/bundle/bundle-crypto";
import { encryptionSchema } from "@/lib/bundle/schema";
import { AppError } from "@/lib/errors";
import { PASSPHRASE_ATTEMPTS_PER_MINUTE, withAttemptLimit } from "@/lib/security/rate-limit";
import { resolveTenant } from "@/lib/tenants/resolve-tenant";

/**
 * The wizard's passphrase step: checks a passphrase against a bundle's verifier (only the small
 * `encryption` block is sent, not the bundle). Each check costs a key derivation, so only those
 * who may import reach it — an admin of the named tenant, or of any tenant when none is named —
 * and every attempt counts towards the per-user limit, right or wrong.
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
  const limits = [{ key: `passphrase:${actor.userId}`, limit: PASSPHRASE_ATTEMPTS_PER_MINUTE }];
  await withAttemptLimit({ limits, what: "passphrase", isFailure: () => true, count: "every" }, () =>
    openBundleEncryption(parsed.data, options.passphrase),
  );
}
