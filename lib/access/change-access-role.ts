import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { requireProject } from "@/lib/projects/require-project";
import { changeAccessRoleSchema } from "@/lib/validations/access";
import { parseInput } from "@/lib/validations/parse-input";
import { findAccessBinding, refuseSelfDemotion } from "./access-binding-ref";

export async function changeAccessRole(options: {
  actor: Actor;
  tenantSlug: string;
  projectSlug: string;
  input: unknown;
}): Promise<void> {
  const access = await requireProject({ ...options, minRole: "ADMIN" });
  const input = parseInput(changeAccessRoleSchema, options.input);
  const binding = await findAccessBinding({
    projectId: access.project.id,
    email: input.email,
    modelSlug: input.modelSlug,
  });
  refuseSelfDemotion({ actor: options.actor, access, binding, newRole: input.role });
  await db.accessBinding.update({ where: { id: binding.id }, data: { role: input.role } });
}
