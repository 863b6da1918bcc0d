import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 1_024;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address.")
  .max(254)
  .email("Enter a valid email address.");

export const tenantRoleSchema = z.enum(["TENANT_ADMIN", "MEMBER"], {
  error: "The role must be TENANT_ADMIN or MEMBER.",
});

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Enter a name.").max(200, "A name has at most 200 characters."),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `A password has at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(MAX_PASSWORD_LENGTH, `A password has at most ${MAX_PASSWORD_LENGTH.toLocaleString("en-US")} characters.`),
  isSystemAdmin: z.boolean().default(false),
  membership: z.object({ tenantSlug: z.string().min(1).max(100), role: tenantRoleSchema }).optional(),
});
export type CreateUserInput = z.input<typeof createUserSchema>;
