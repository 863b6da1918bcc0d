import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isTenantAdmin, tenantAccess } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { unstorableTextReason } from "@/lib/validations/storable";

export interface TenantRef {
  id: string;
  slug: string;
  name: string;
}

/**
 * The tenant a request acts in: the one named, or the caller's only tenant. A tenant the caller
 * cannot see is reported as not found, so its existence does not leak.
 */
export async function resolveTenant(options: {
  actor: Actor;
  tenantSlug?: string | null;
  requireAdmin?: boolean;
}): Promise<TenantRef> {
  const { actor } = options;
  let slug = options.tenantSlug ?? undefined;
  if (!slug) {
    if (actor.memberships.length === 1) slug = actor.memberships[0]!.tenantSlug;
    else
      throw new AppError(
        "INVALID_OPTIONS",
        "You belong to several tenants (or none): name one with `tenant` (e.g. ?tenant=acme).",
      );
  }
  // A name PostgreSQL could not even compare (U+0000, lone surrogates) names no tenant.
  const tenant = unstorableTextReason(slug)
    ? null
    : await db.tenant.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!tenant || tenantAccess(actor, tenant.id) === null)
    throw new AppError("NOT_FOUND", `Tenant "${slug}" was not found.`);
  if (options.requireAdmin && !isTenantAdmin(actor, tenant.id)) {
    throw new AppError("FORBIDDEN", `Only an admin of tenant "${tenant.slug}" can do this.`);
  }
  return tenant;
}

/** Tenants the caller can switch to: memberships, or every tenant for a system admin. */
export async function listActorTenants(options: { actor: Actor }): Promise<TenantRef[]> {
  if (options.actor.isSystemAdmin)
    return db.tenant.findMany({ select: { id: true, slug: true, name: true }, orderBy: { slug: "asc" } });
  return options.actor.memberships.map((m) => ({ id: m.tenantId, slug: m.tenantSlug, name: m.tenantName }));
}
