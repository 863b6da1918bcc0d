import "server-only";
import { readConnectionUsage } from "@/lib/connections/connection-usage";
import type { Bundle } from "@/lib/bundle/schema";
import type { PgClient } from "@/lib/database/pg-transaction";
import { readReferenceSource } from "@/lib/projects/reference";
import type { ImportTarget } from "./plan-import";
import { readTargetContent, type TargetProjectContent } from "./read-target-content";

export interface TargetContext {
  target: ImportTarget;
  /** The project replaced, or receiving a model. */
  projectId?: string;
  connectionIds: Map<string, string>;
  userIds: Map<string, string>;
  wrappedDataKey: string;
  /** The existing project's content (for the plan's comparison), when there is one. */
  content?: TargetProjectContent;
}

/**
 * Reads what planning needs from the target tenant, inside the import's transaction. The project
 * being replaced (or receiving a model) is locked first, so concurrent imports into it queue up.
 */
export async function readImportTarget(
  client: PgClient,
  options: { tenantId: string; tenantSlug: string; projectSlug: string; bundle: Bundle; lockProject: boolean },
): Promise<TargetContext> {
  const { tenantId } = options;
  const rows = async <T>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows as T[];
  const [tenant] = await rows<{ wrappedDataKey: string }>(`SELECT "wrappedDataKey" FROM "Tenant" WHERE id = $1`, [
    tenantId,
  ]);
  const projectId = options.lockProject
    ? (
        await rows<{ id: string }>(`SELECT id FROM "Project" WHERE "tenantId" = $1 AND slug = $2 FOR UPDATE`, [
          tenantId,
          options.projectSlug,
        ])
      )[0]?.id
    : undefined;
  const projects = await rows<{ slug: string }>(`SELECT slug FROM "Project" WHERE "tenantId" = $1`, [tenantId]);
  const connections = await readConnectionUsage(tenantId, client);
  const project = projectId
    ? (
        await rows<{
          slug: string;
          displayName: string;
          modelSlugs: string[] | null;
          accessBindings: number;
          reference: boolean;
          referenceSource: unknown;
        }>(
          `SELECT p.slug, p."displayName", p.reference, p."referenceSource", (SELECT array_agg(slug) FROM "Model" WHERE "projectId" = p.id) AS "modelSlugs",
                  (SELECT count(*)::int FROM "AccessBinding" WHERE "projectId" = p.id) AS "accessBindings"
             FROM "Project" p WHERE p.id = $1`,
          [projectId],
        )
      )[0]
    : undefined;
  const content = projectId ? await readTargetContent(client, projectId) : undefined;
  const emails = [...new Set((options.bundle.accessBindings ?? []).map((b) => b.user.toLowerCase()))];
  const users =
    emails.length === 0
      ? []
      : await rows<{ id: string; email: string; member: boolean }>(
          `SELECT u.id, u.email, EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = u.id AND m."tenantId" = $1) AS member FROM "User" u WHERE u.email = ANY($2::text[])`,
          [tenantId, emails],
        );

  return {
    target: {
      tenantSlug: options.tenantSlug,
      projectSlugs: projects.map((p) => p.slug),
      project: project
        ? {
            slug: project.slug,
            displayName: project.displayName,
            modelSlugs: project.modelSlugs ?? [],
            accessBindings: project.accessBindings,
            reference: project.reference ? readReferenceSource(project.referenceSource) : null,
          }
        : undefined,
      connections: connections.map((c) => ({
        name: c.name,
        type: c.type,
        projects: c.projects,
      })),
      users: users.map((u) => ({ email: u.email, member: u.member })),
      ...(content ? { content } : {}),
    },
    ...(content ? { content } : {}),
    projectId,
    connectionIds: new Map(connections.map((c) => [c.name, c.id])),
    userIds: new Map(users.map((u) => [u.email, u.id])),
    wrappedDataKey: tenant!.wrappedDataKey,
  };
}
