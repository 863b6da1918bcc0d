import "server-only";
import type { ProjectRole } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { resolveTenant } from "@/lib/tenants/resolve-tenant";
import { listProjects } from "./list-projects";
import type { ReferenceSource } from "./reference";

export interface ProjectSummary {
  tenant: string;
  slug: string;
  displayName: string;
  active: boolean;
  role: ProjectRole;
  modelCount: number;
  /** A reference project's source (SPEC §13); null for an ordinary project. */
  reference: ReferenceSource | null;
}

/** `GET /api/v1/projects` (and the MCP tool list_projects): the projects the caller sees, in one tenant or all. */
export async function listProjectSummaries(options: {
  actor: Actor;
  tenantSlug?: string;
}): Promise<{ projects: ProjectSummary[] }> {
  const { actor, tenantSlug } = options;
  const tenant = tenantSlug ? await resolveTenant({ actor, tenantSlug }) : undefined;
  const projects = await listProjects({ actor, tenantId: tenant?.id });
  return {
    projects: projects.map((p) => ({
      tenant: p.tenantSlug,
      slug: p.slug,
      displayName: p.displayName,
      active: p.active,
      role: p.role,
      modelCount: p.modelCount,
      reference: p.reference,
    })),
  };
}
