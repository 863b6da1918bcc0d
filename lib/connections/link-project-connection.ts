import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireProject } from "@/lib/projects/require-project";

/** Makes a tenant connection available to a project's models (project admins). */
export async function linkProjectConnection(options: {
  actor: Actor;
  tenantSlug: string;
  projectSlug: string;
  connectionName: string;
}): Promise<void> {
  const access = await requireProject({ ...options, minRole: "ADMIN" });
  const connection = await db.connection.findUnique({
    where: { tenantId_name: { tenantId: access.tenant.id, name: options.connectionName } },
    select: { id: true },
  });
  if (!connection)
    throw new AppError("NOT_FOUND", `Connection "${options.connectionName}" was not found in ${access.tenant.name}.`);
  try {
    await db.projectConnection.create({ data: { projectId: access.project.id, connectionId: connection.id } });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", `Connection "${options.connectionName}" is already linked to this project.`);
    throw error;
  }
}
