import "server-only";
import type { ProjectRole } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { atLeast, projectRole, type BindingLike } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveTenant, type TenantRef } from "@/lib/tenants/resolve-tenant";
import { isValidSlug } from "@/lib/validations/slug";
import { readReferenceSource, type ReferenceSource } from "./reference";

export interface ProjectAccess {
  tenant: TenantRef;
  project: {
    id: string;
    slug: string;
    displayName: string;
    active: boolean;
    /** A reference project's source (SPEC §13); null for an ordinary project. */
    reference: ReferenceSource | null;
  };
  /** The caller's role on the project (or on the model, when a model slug was given). */
  role: ProjectRole;
  model?: { id: string; slug: string; name: string };
  /** The caller's access bindings on the project, for per-model roles (modelRole). */
  bindings: BindingLike[];
}

const ROLE_WORDS: Record<ProjectRole, string> = { ADMIN: "an admin", EDITOR: "an editor", VIEWER: "a viewer" };

/**
 * What a call with more than VIEWER rights does to the project: changes its `configuration` (the
 * default — refused on a reference project, SPEC §13) or only `operates` it (deploy, refresh,
 * follow-ups, reading with extra rights), which a reference project allows.
 */
export type ProjectChange = "configuration" | "operation";

/**
 * Loads a project the caller may act on with at least `minRole`. Invisible projects are
 * PROJECT_NOT_FOUND (404); visible ones with too little role are FORBIDDEN (403); a configuration
 * change to a reference project is PROJECT_MANAGED (409). This is the one place that rule lives:
 * every edit path loads its project here.
 */
export async function requireProject(options: {
  actor: Actor;
  tenantSlug?: string | null;
  projectSlug: string;
  minRole: ProjectRole;
  modelSlug?: string;
  /** Default: "configuration" when minRole is above VIEWER. */
  change?: ProjectChange;
}): Promise<ProjectAccess> {
  const tenant = await resolveTenant({ actor: options.actor, tenantSlug: options.tenantSlug });
  // Not a slug (e.g. U+0000 in the URL, which PostgreSQL cannot even compare): no such project.
  const project = !isValidSlug(options.projectSlug)
    ? null
    : await db.project.findUnique({
        where: { tenantId_slug: { tenantId: tenant.id, slug: options.projectSlug } },
        select: {
          id: true,
          slug: true,
          displayName: true,
          active: true,
          reference: true,
          referenceSource: true,
          accessBindings: { where: { userId: options.actor.userId }, select: { modelId: true, role: true } },
        },
      });
  const notFound = new AppError(
    "PROJECT_NOT_FOUND",
    `Project "${options.projectSlug}" was not found in tenant "${tenant.slug}".`,
  );
  if (!project) throw notFound;

  let model: ProjectAccess["model"];
  if (options.modelSlug !== undefined) {
    const found = !isValidSlug(options.modelSlug)
      ? null
      : await db.model.findUnique({
          where: { projectId_slug: { projectId: project.id, slug: options.modelSlug } },
          select: { id: true, slug: true, name: true },
        });
    if (!found)
      throw new AppError("NOT_FOUND", `Model "${options.modelSlug}" was not found in project "${project.slug}".`);
    model = found;
  }
  const role = projectRole(options.actor, tenant.id, project.accessBindings, model?.id);
  if (role === null) throw notFound;
  if (!atLeast(role, options.minRole)) {
    throw new AppError(
      "FORBIDDEN",
      `You need to be ${ROLE_WORDS[options.minRole]} of ${model ? `model "${model.slug}"` : `project "${project.slug}"`} to do this.`,
    );
  }
  if (project.reference && options.minRole !== "VIEWER" && (options.change ?? "configuration") === "configuration")
    throw managedProjectError(project.slug);
  return {
    tenant,
    project: {
      id: project.id,
      slug: project.slug,
      displayName: project.displayName,
      active: project.active,
      reference: project.reference
        ? (readReferenceSource(project.referenceSource) ?? { instance: "?", tenant: "?", project: "?" })
        : null,
    },
    role,
    model,
    bindings: project.accessBindings,
  };
}

/** The refusal of any configuration change to a reference project (SPEC §13). */
export function managedProjectError(projectSlug: string): AppError {
  return new AppError(
    "PROJECT_MANAGED",
    `Project "${projectSlug}" is a reference: its configuration is read-only here. Update it by importing a bundle from its source, or ask a tenant admin to detach it.`,
    { project: projectSlug },
  );
}

/**
 * Whether the caller may change the project's configuration with `minRole` — what pages use to show
 * or hide edit controls; requireProject enforces the same rule on every edit path.
 */
export function canConfigure(access: Pick<ProjectAccess, "role" | "project">, minRole: ProjectRole): boolean {
  return atLeast(access.role, minRole) && access.project.reference === null;
}
