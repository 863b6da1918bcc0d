import "server-only";
import type { ProjectRole } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { projectRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { describeSource, readReferenceSource, type ReferenceSource } from "./reference";

export interface ProjectListItem {
  tenantSlug: string;
  slug: string;
  displayName: string;
  active: boolean;
  role: ProjectRole;
  modelCount: number;
  /** A reference project's source (SPEC §13); null for an ordinary project. */
  reference: ReferenceSource | null;
  /** The same in words, for the sidebar. */
  referenceOf: string | null;
}

/** Projects the caller can see, in one tenant or in every tenant they reach. */
export async function listProjects(options: { actor: Actor; tenantId?: string }): Promise<ProjectListItem[]> {
  const { actor } = options;
  // Role filtering below is authoritative; the where clause only narrows the read.
  const tenantFilter =
    options.tenantId ?? (actor.isSystemAdmin ? undefined : { in: actor.memberships.map((m) => m.tenantId) });
  const projects = await db.project.findMany({
    where: tenantFilter === undefined ? {} : { tenantId: tenantFilter },
    select: {
      slug: true,
      displayName: true,
      active: true,
      reference: true,
      referenceSource: true,
      tenantId: true,
      tenant: { select: { slug: true } },
      accessBindings: { where: { userId: actor.userId }, select: { modelId: true, role: true } },
      _count: { select: { models: true } },
    },
    orderBy: [{ tenant: { slug: "asc" } }, { slug: "asc" }],
  });
  const items: ProjectListItem[] = [];
  for (const project of projects) {
    const role = projectRole(actor, project.tenantId, project.accessBindings);
    if (role === null) continue;
    items.push({
      tenantSlug: project.tenant.slug,
      slug: project.slug,
      displayName: project.displayName,
      active: project.active,
      role,
      modelCount: project._count.models,
      reference: project.reference ? readReferenceSource(project.referenceSource) : null,
      referenceOf: project.reference ? describeSource(readReferenceSource(project.referenceSource)) : null,
    });
  }
  return items;
}
