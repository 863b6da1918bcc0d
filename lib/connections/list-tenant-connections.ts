import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { listProjects } from "@/lib/projects/list-projects";
import { isPlainObject } from "@/lib/validations/json";
import { connectionsWithSecret, type ConnectionSummary } from "./connection-summary";

export interface ConnectionUsage {
  projectSlug: string;
  projectName: string;
  /** Linked to the project (else only referenced by its models). */
  linked: boolean;
  models: string[];
}

export interface TenantConnectionItem extends ConnectionSummary {
  config: Record<string, unknown>;
  usedBy: ConnectionUsage[];
  /** Projects using the connection that the caller cannot see (named to tenant admins only). */
  otherProjects: number;
}

/** Every connection of a tenant with the projects that use it (linked, or by a model). */
export async function listTenantConnections(options: {
  actor: Actor;
  tenantId: string;
}): Promise<TenantConnectionItem[]> {
  const [connections, visible] = await Promise.all([
    db.connection.findMany({
      where: { tenantId: options.tenantId },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        type: true,
        status: true,
        config: true,
        projects: { select: { project: { select: { slug: true, displayName: true } } } },
        models: {
          select: { slug: true, project: { select: { slug: true, displayName: true } } },
          orderBy: { slug: "asc" },
        },
      },
    }),
    listProjects({ actor: options.actor, tenantId: options.tenantId }),
  ]);
  const visibleSlugs = new Set(visible.map((p) => p.slug));
  const withSecret = await connectionsWithSecret(connections.map((c) => c.id));
  return connections.map((connection) => {
    const usage = new Map<string, ConnectionUsage>();
    const use = (project: { slug: string; displayName: string }) => {
      const entry = usage.get(project.slug) ?? {
        projectSlug: project.slug,
        projectName: project.displayName,
        linked: false,
        models: [],
      };
      usage.set(project.slug, entry);
      return entry;
    };
    for (const link of connection.projects) use(link.project).linked = true;
    for (const model of connection.models) use(model.project).models.push(model.slug);
    const all = [...usage.values()].sort((a, b) => a.projectSlug.localeCompare(b.projectSlug));
    const usedBy = all.filter((u) => visibleSlugs.has(u.projectSlug));
    return {
      name: connection.name,
      type: connection.type,
      status: connection.status,
      hasSecret: withSecret.has(connection.id),
      config: isPlainObject(connection.config) ? connection.config : {},
      usedBy,
      otherProjects: all.length - usedBy.length,
    };
  });
}
