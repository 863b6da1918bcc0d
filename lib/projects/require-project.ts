import "server-only";
import type { ProjectRole } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { atLeast, projectRole, type BindingLike } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveTenant, type TenantRef } from "@/lib/tenants/resolve-tenant";
import { isValidSlug } from "@/lib/validations/slug";

export interface ProjectAccess {
  tenant: TenantRef;
  project: { id: string; slug: string; displayName: string; active: boolean };
  /** The caller's role on the project (or on the model, when a model slug was given). */
  role: ProjectRole;
  model?: { id: string; slug: string; name: string };
  /** The caller's access bindings on the project, for per-model roles (modelRole). */
  bindings: BindingLike[];
}

const ROLE_WORDS: Record<ProjectRole, string> = { ADMIN: "an admin", EDITOR: "an editor", VIEWER: "a viewer" };

/**
 * Loads a project the caller may act on with at least `minRole`. Invisible projects are
 * PROJECT_NOT_FOUND (404); visible ones with too little role are FORBIDDEN (403).
 */
export async function requireProject(options: {
  actor: Actor;
  tenantSlug?: string | null;
  projectSlug: string;
  minRole: ProjectRole;
  modelSlug?: string;
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
  return {
    tenant,
    project: { id: project.id, slug: project.slug, displayName: project.displayName, active: project.active },
    role,
    model,
    bindings: project.accessBindings,
  };
}
