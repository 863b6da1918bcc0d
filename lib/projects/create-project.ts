import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import { resolveTenant } from "@/lib/tenants/resolve-tenant";
import { createProjectSchema } from "@/lib/validations/project";

/** Creates an empty project (tenant admins). */
export async function createProject(options: { actor: Actor; tenantSlug: string; input: unknown }) {
  const tenant = await resolveTenant({ actor: options.actor, tenantSlug: options.tenantSlug, requireAdmin: true });
  const parsed = createProjectSchema.safeParse(options.input);
  if (!parsed.success)
    throw new AppError(
      "INVALID_INPUT",
      parsed.error.issues[0]?.message ?? "Check the form.",
      parsed.error.issues.map((i) => ({ path: i.path.join("."), reason: i.message })),
    );
  try {
    return await db.project.create({
      data: { tenantId: tenant.id, ...parsed.data },
      select: { slug: true, displayName: true },
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError(
        "SLUG_TAKEN",
        `A project with the slug "${parsed.data.slug}" already exists in ${tenant.name}.`,
        { slug: parsed.data.slug },
      );
    throw error;
  }
}
