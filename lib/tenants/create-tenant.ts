import "server-only";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newWrappedDataKey } from "@/lib/secrets/keys";
import { parseInput } from "@/lib/validations/parse-input";
import { createTenantSchema, type CreateTenantInput } from "@/lib/validations/tenant";
import type { TenantRef } from "./resolve-tenant";

/**
 * Creates a tenant with a fresh data key wrapped by the instance master key. Operator-level:
 * it checks no caller, so only trusted entry points (the CLI) may call it.
 */
export async function createTenant(options: { input: CreateTenantInput }): Promise<TenantRef> {
  const { slug } = parseInput(createTenantSchema.pick({ slug: true }), { slug: options.input.slug }, "INVALID_SLUG");
  const { name } = parseInput(createTenantSchema.pick({ name: true }), { name: options.input.name });
  try {
    return await db.tenant.create({
      data: { slug, name, wrappedDataKey: newWrappedDataKey() },
      select: { id: true, slug: true, name: true },
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("SLUG_TAKEN", `A tenant with the slug "${slug}" already exists.`, { slug });
    throw error;
  }
}
