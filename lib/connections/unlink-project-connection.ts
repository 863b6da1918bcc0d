import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireProject } from "@/lib/projects/require-project";

/** Removes a connection from a project; the tenant connection itself stays (project admins). */
export async function unlinkProjectConnection(options: {
  actor: Actor;
  tenantSlug: string;
  projectSlug: string;
  connectionName: string;
}): Promise<void> {
  const access = await requireProject({ ...options, minRole: "ADMIN" });
  const connection = await db.connection.findUnique({
    where: { tenantId_name: { tenantId: access.tenant.id, name: options.connectionName } },
    select: {
      id: true,
      models: { where: { projectId: access.project.id }, select: { slug: true }, orderBy: { slug: "asc" } },
    },
  });
  const notLinked = new AppError("NOT_FOUND", `Connection "${options.connectionName}" is not linked to this project.`);
  if (!connection) throw notLinked;
  if (connection.models.length > 0) {
    const models = connection.models.map((m) => m.slug);
    throw new AppError(
      "CONFLICT",
      `Connection "${options.connectionName}" is used by ${models.length === 1 ? "model" : "models"} ${models.join(", ")} of this project. Move them to another connection first.`,
      { models },
    );
  }
  const removed = await db.projectConnection.deleteMany({
    where: { projectId: access.project.id, connectionId: connection.id },
  });
  if (removed.count === 0) throw notLinked;
}
