import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveTenant } from "@/lib/tenants/resolve-tenant";

/** Deletes a tenant connection that no project links and no model references (tenant admins). */
export async function deleteConnection(options: {
  actor: Actor;
  tenantSlug: string;
  connectionName: string;
}): Promise<void> {
  const tenant = await resolveTenant({ actor: options.actor, tenantSlug: options.tenantSlug, requireAdmin: true });
  await db.$transaction(async (tx) => {
    const connection = await tx.connection.findUnique({
      where: { tenantId_name: { tenantId: tenant.id, name: options.connectionName } },
      select: { id: true },
    });
    if (!connection)
      throw new AppError("NOT_FOUND", `Connection "${options.connectionName}" was not found in ${tenant.name}.`);
    // Linking or referencing takes a key-share lock on this row, so no new use can slip in
    // between the check below and the delete.
    await tx.$executeRaw`SELECT 1 FROM "Connection" WHERE id = ${connection.id}::uuid FOR UPDATE`;
    const [links, models] = await Promise.all([
      tx.projectConnection.findMany({
        where: { connectionId: connection.id },
        select: { project: { select: { slug: true } } },
      }),
      tx.model.findMany({
        where: { connectionId: connection.id },
        select: { slug: true, project: { select: { slug: true } } },
      }),
    ]);
    const projects = [...new Set([...links.map((l) => l.project.slug), ...models.map((m) => m.project.slug)])].sort();
    if (projects.length > 0) {
      throw new AppError(
        "CONFLICT",
        `Connection "${options.connectionName}" is still used by ${projects.length === 1 ? "project" : "projects"} ${projects.join(", ")}` +
          `${
            models.length > 0
              ? ` (models: ${models
                  .map((m) => `${m.project.slug}/${m.slug}`)
                  .sort()
                  .join(", ")})`
              : ""
          }. Unlink it and move those models to another connection first.`,
        { projects },
      );
    }
    await tx.connection.delete({ where: { id: connection.id } });
  });
}
