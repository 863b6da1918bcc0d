import "server-only";
import type { TenantRole } from "@/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validations/parse-input";
import { createUserSchema, type CreateUserInput } from "@/lib/validations/user";

export interface CreatedUser {
  email: string;
  name: string;
  isSystemAdmin: boolean;
  membership: { tenantSlug: string; role: TenantRole } | null;
}

/**
 * Creates a user, optionally as a member of one tenant. Operator-level: it checks no caller, so
 * only trusted entry points (the CLI) may call it; a web surface must require a system admin first.
 */
export async function createUser(options: { input: CreateUserInput }): Promise<CreatedUser> {
  const input = parseInput(createUserSchema, options.input);
  // Hash outside the transaction: scrypt takes ~100 ms and needs no lock.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const tenant = input.membership
        ? await tx.tenant.findUnique({ where: { slug: input.membership.tenantSlug }, select: { id: true, slug: true } })
        : null;
      if (input.membership && !tenant)
        throw new AppError("NOT_FOUND", `Tenant "${input.membership.tenantSlug}" was not found.`);
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, isSystemAdmin: input.isSystemAdmin },
        select: { id: true, email: true, name: true, isSystemAdmin: true },
      });
      if (tenant && input.membership)
        await tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: input.membership.role } });
      return {
        email: user.email,
        name: user.name,
        isSystemAdmin: user.isSystemAdmin,
        membership: tenant && input.membership ? { tenantSlug: tenant.slug, role: input.membership.role } : null,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", `A user with the email "${input.email}" already exists.`, { email: input.email });
    throw error;
  }
}
