import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import { db } from "@/lib/db";
import { requireProject } from "@/lib/projects/require-project";
import { grantAccessSchema } from "@/lib/validations/access";
import { fieldError, parseInput } from "@/lib/validations/parse-input";

/** Gives a tenant member a role on the project or on one of its models (project admins). */
export async function grantAccess(options: {
  actor: Actor;
  tenantSlug: string;
  projectSlug: string;
  input: unknown;
}): Promise<void> {
  const access = await requireProject({ ...options, minRole: "ADMIN" });
  const input = parseInput(grantAccessSchema, options.input);
  const email = input.email.toLowerCase();
  // One answer for "no such user" and "not a member": project admins learn nothing about
  // accounts outside their tenant.
  const user = await db.user.findFirst({
    where: { email, memberships: { some: { tenantId: access.tenant.id } } },
    select: { id: true },
  });
  if (!user)
    throw fieldError(
      "INVALID_INPUT",
      "email",
      `No member of ${access.tenant.name} has the email ${email}. A tenant admin must add them to the tenant first.`,
    );
  let modelId: string | null = null;
  if (input.modelSlug) {
    const model = await db.model.findUnique({
      where: { projectId_slug: { projectId: access.project.id, slug: input.modelSlug } },
      select: { id: true },
    });
    if (!model)
      throw fieldError("INVALID_INPUT", "modelSlug", `Model "${input.modelSlug}" does not exist in this project.`);
    modelId = model.id;
  }
  try {
    await db.accessBinding.create({
      data: { projectId: access.project.id, userId: user.id, modelId, role: input.role },
    });
  } catch (error) {
    const scope = input.modelSlug ? `model "${input.modelSlug}"` : "this project";
    if (isUniqueViolation(error))
      throw fieldError("CONFLICT", "email", `${email} already has a role on ${scope}. Change it in the list instead.`);
    throw error;
  }
}
