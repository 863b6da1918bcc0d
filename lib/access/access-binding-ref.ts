import "server-only";
import type { ProjectRole } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { isTenantAdmin } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ProjectAccess } from "@/lib/projects/require-project";

// Bindings are named by natural keys (user email + scope), like everything a bundle carries.

export interface BindingRow {
  id: string;
  userId: string;
  modelId: string | null;
  role: ProjectRole;
}

export async function findAccessBinding(options: {
  projectId: string;
  email: string;
  modelSlug: string | null;
}): Promise<BindingRow> {
  const binding = await db.accessBinding.findFirst({
    where: {
      projectId: options.projectId,
      user: { email: options.email.toLowerCase() },
      ...(options.modelSlug === null ? { modelId: null } : { model: { slug: options.modelSlug } }),
    },
    select: { id: true, userId: true, modelId: true, role: true },
  });
  if (!binding)
    throw new AppError(
      "NOT_FOUND",
      `${options.email} has no role on ${options.modelSlug === null ? "this project" : `model "${options.modelSlug}"`}.`,
    );
  return binding;
}

/**
 * A project admin who holds the role through their own project-wide binding would lock
 * themselves out by lowering it; tenant and system admins keep ADMIN without a binding.
 */
export function refuseSelfDemotion(options: {
  actor: Actor;
  access: ProjectAccess;
  binding: BindingRow;
  newRole: ProjectRole | null;
}) {
  const { actor, access, binding, newRole } = options;
  if (binding.userId !== actor.userId || binding.modelId !== null || binding.role !== "ADMIN" || newRole === "ADMIN")
    return;
  if (isTenantAdmin(actor, access.tenant.id)) return;
  throw new AppError("CONFLICT", "You cannot remove your own admin role on this project. Ask another admin to do it.");
}
