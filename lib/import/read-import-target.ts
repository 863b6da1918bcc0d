import "server-only";
import { compareKeys } from "@/lib/bundle/canonical-json";
import type { Bundle } from "@/lib/bundle/schema";
import type { Tx } from "@/lib/db";
import type { ImportTarget } from "./plan-import";

export interface TargetContext {
  target: ImportTarget;
  /** The project replaced, or receiving a model. */
  projectId?: string;
  connectionIds: Map<string, string>;
  userIds: Map<string, string>;
  /** What replace mode deletes, for the report. */
  existing?: Record<string, number>;
}

/**
 * Reads what planning needs from the target tenant, inside the import's transaction. The project
 * being replaced (or receiving a model) is locked first, so concurrent imports into it queue up.
 */
export async function readImportTarget(tx: Tx, options: { tenantId: string; tenantSlug: string; projectSlug: string; bundle: Bundle; lockProject: boolean }): Promise<TargetContext> {
  const { tenantId } = options;
  const locked = options.lockProject
    ? await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM "Project" WHERE "tenantId" = ${tenantId}::uuid AND slug = ${options.projectSlug} FOR UPDATE`
    : [];
  const projectId = locked[0]?.id;

  // Sequential on purpose: a transaction is one connection, and pg runs one query at a time.
  const projects = await tx.project.findMany({ where: { tenantId }, select: { slug: true } });
  const connections = await tx.connection.findMany({
      where: { tenantId },
      select: { id: true, name: true, type: true, projects: { select: { project: { select: { slug: true } } } }, models: { select: { project: { select: { slug: true } } }, distinct: ["projectId"] } },
  });
  const project = projectId
      ? await tx.project.findUnique({
          where: { id: projectId },
          select: { slug: true, displayName: true, models: { select: { slug: true } }, _count: { select: { models: true, llmConfigs: true, recipes: true, settings: true, accessBindings: true, connections: true } }, agentConfig: { select: { id: true } } },
        })
      : null;

  const emails = [...new Set((options.bundle.accessBindings ?? []).map((b) => b.user.toLowerCase()))];
  const users = emails.length === 0 ? [] : await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true, isSystemAdmin: true, memberships: { where: { tenantId }, select: { id: true } } } });

  return {
    target: {
      tenantSlug: options.tenantSlug,
      projectSlugs: projects.map((p) => p.slug),
      project: project ? { slug: project.slug, displayName: project.displayName, modelSlugs: project.models.map((m) => m.slug), accessBindings: project._count.accessBindings } : undefined,
      connections: connections.map((c) => ({
        name: c.name,
        type: c.type,
        projects: [...new Set([...c.projects.map((p) => p.project.slug), ...c.models.map((m) => m.project.slug)])].sort(compareKeys),
      })),
      users: users.map((u) => ({ email: u.email, member: u.memberships.length > 0 })),
    },
    projectId,
    connectionIds: new Map(connections.map((c) => [c.name, c.id])),
    userIds: new Map(users.map((u) => [u.email, u.id])),
    existing: project
      ? { models: project._count.models, llmConfigs: project._count.llmConfigs, recipes: project._count.recipes, settings: project._count.settings, accessBindings: project._count.accessBindings, connections: project._count.connections, agent: project.agentConfig ? 1 : 0 }
      : undefined,
  };
}
