import "server-only";
import type { TenantRole } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireUserByEmail } from "@/lib/users/require-user";
import { parseInput } from "@/lib/validations/parse-input";
import { addTenantMemberSchema, type AddTenantMemberInput } from "@/lib/validations/tenant";

export interface TenantMemberChange {
  tenantSlug: string;
  email: string;
  role: TenantRole;
  /** The role before this call; null when the user was not a member. */
  previousRole: TenantRole | null;
}

/**
 * Makes a user a member of a tenant with the given role, or changes the role of an existing
 * member. Operator-level: it checks no caller, so only trusted entry points (the CLI) may call it.
 */
export async function addTenantMember(options: { input: AddTenantMemberInput }): Promise<TenantMemberChange> {
  const input = parseInput(addTenantMemberSchema, options.input);
  return db.$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { slug: input.tenantSlug }, select: { id: true, slug: true } });
    if (!tenant) throw new AppError("NOT_FOUND", `Tenant "${input.tenantSlug}" was not found.`);
    const user = await requireUserByEmail({ email: input.email, tx });
    const existing = await tx.membership.findUnique({
      where: { tenantId_userId: { tenantId: tenant.id, userId: user.id } },
      select: { role: true },
    });
    await tx.membership.upsert({
      where: { tenantId_userId: { tenantId: tenant.id, userId: user.id } },
      create: { tenantId: tenant.id, userId: user.id, role: input.role },
      update: { role: input.role },
    });
    return { tenantSlug: tenant.slug, email: user.email, role: input.role, previousRole: existing?.role ?? null };
  });
}
