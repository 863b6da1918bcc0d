import "server-only";
import { db } from "@/lib/db";
import { connectionsWithSecret, type ConnectionSummary } from "./connection-summary";

export interface ProjectConnectionItem extends ConnectionSummary {
  /** Linked to the project; false when only a model references it. */
  linked: boolean;
  /** Slugs of this project's models that use the connection. */
  models: string[];
}

export interface ProjectConnections {
  connections: ProjectConnectionItem[];
  /** Tenant connections not linked yet, offered for linking. */
  available: ConnectionSummary[];
}

export async function listProjectConnections(options: {
  tenantId: string;
  projectId: string;
}): Promise<ProjectConnections> {
  const rows = await db.connection.findMany({
    where: { tenantId: options.tenantId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      type: true,
      status: true,
      projects: { where: { projectId: options.projectId }, select: { projectId: true } },
      models: { where: { projectId: options.projectId }, select: { slug: true }, orderBy: { slug: "asc" } },
    },
  });
  const withSecret = await connectionsWithSecret(rows.map((r) => r.id));
  const result: ProjectConnections = { connections: [], available: [] };
  for (const row of rows) {
    const summary = { name: row.name, type: row.type, status: row.status, hasSecret: withSecret.has(row.id) };
    const linked = row.projects.length > 0;
    if (linked || row.models.length > 0)
      result.connections.push({ ...summary, linked, models: row.models.map((m) => m.slug) });
    if (!linked) result.available.push(summary);
  }
  return result;
}
