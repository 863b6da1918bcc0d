import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import { resolveTenant } from "@/lib/tenants/resolve-tenant";
import { parseInput } from "@/lib/validations/parse-input";
import { createProjectSchema } from "@/lib/validations/project";

/** Creates an empty project (tenant admins). */
export async function createProject(options: { actor: Actor; tenantSlug: string; input: unknown }) {
  const tenant = await resolveTenant({ actor: options.actor, tenantSlug: options.tenantSlug, requireAdmin: true });
  const input = parseInput(createProjectSchema, options.input);
  try {
    return await db.project.create({
      data: { tenantId: tenant.id, ...input },
      select: { slug: true, displayName: true },
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("SLUG_TAKEN", `A project with the slug "${input.slug}" already exists in ${tenant.name}.`, {
        slug: input.slug,
      });
    throw error;
  }
}
