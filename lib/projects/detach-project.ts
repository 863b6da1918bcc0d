import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isTenantAdmin } from "@/lib/auth/permissions";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { withPgTransaction } from "@/lib/database/pg-transaction";
import { AppError } from "@/lib/errors";
import { requireProject } from "./require-project";
import { readReferenceSource, type ReferenceSource } from "./reference";

/**
 * Detach (SPEC §13, tenant admins): a reference project becomes an ordinary project — editable
 * here, no longer updated from its source; a bundle from any source can then be imported into it.
 */
export async function detachProject(options: {
  actor: Actor;
  tenantSlug?: string | null;
  projectSlug: string;
}): Promise<{ project: string; detached: true; source: ReferenceSource | null }> {
  const access = await requireProject({ ...options, minRole: "ADMIN", change: "operation" });
  if (!isTenantAdmin(options.actor, access.tenant.id))
    throw new AppError("FORBIDDEN", `Detaching a reference project needs a tenant admin of "${access.tenant.slug}".`);
  return withPgTransaction(async (client) => {
    // Only a reference is detached; the row lock makes two detaches (or a detach and a reference
    // update) queue up instead of both reading "reference".
    const { rows } = await client.query<{ referenceSource: unknown }>(
      `WITH old AS (SELECT id, "referenceSource" FROM "Project" WHERE id = $1 AND reference FOR UPDATE)
       UPDATE "Project" p SET reference = false, "referenceSource" = NULL, "updatedAt" = now()
         FROM old WHERE p.id = old.id RETURNING old."referenceSource"`,
      [access.project.id],
    );
    if (rows.length === 0)
      throw new AppError("CONFLICT", `Project "${access.project.slug}" is not a reference project.`);
    const source = readReferenceSource(rows[0]!.referenceSource);
    await writeAuditEvent(
      {
        tenantId: access.tenant.id,
        actorEmail: options.actor.email,
        action: "project.detach",
        target: `${access.tenant.slug}/${access.project.slug}`,
        summary: { outcome: "succeeded", ...(source ? { source } : {}) },
      },
      client,
    );
    return { project: access.project.slug, detached: true as const, source };
  });
}
