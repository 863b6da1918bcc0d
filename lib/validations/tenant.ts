import { z } from "zod";
import { slugSchema } from "./slug";
import { emailSchema, tenantRoleSchema } from "./user";

export const createTenantSchema = z.object({
  slug: slugSchema,
  name: z.string().trim().min(1, "Enter a tenant name.").max(200, "A tenant name has at most 200 characters."),
});
export type CreateTenantInput = z.infer<typeof createTenantSchema>;

export const addTenantMemberSchema = z.object({
  tenantSlug: z.string().min(1, "Name the tenant.").max(100),
  email: emailSchema,
  role: tenantRoleSchema,
});
export type AddTenantMemberInput = z.infer<typeof addTenantMemberSchema>;

/** `?tenant=<slug>` on API routes: optional, the caller's only tenant when absent. */
export const tenantQuerySchema = z.object({ tenant: z.string().min(1, "Name a tenant.").max(100).optional() });
