import { z } from "zod";

export const PROJECT_ROLES = ["ADMIN", "EDITOR", "VIEWER"] as const;

const email = z
  .string()
  .trim()
  .min(1, "Enter the user's email.")
  .max(320, "At most 320 characters.")
  .email("Enter a valid email address.");
const role = z.enum(PROJECT_ROLES, { error: "Choose a role." });

/** Grants a role on the whole project (modelSlug "") or on one model. */
export const grantAccessSchema = z.object({ email, role, modelSlug: z.string().max(63) });
export type GrantAccessFormValues = z.input<typeof grantAccessSchema>;

/** Names one binding: a user and a scope (null = whole project). */
export const accessBindingRefSchema = z.object({ email, modelSlug: z.string().max(63).nullable() });
export const changeAccessRoleSchema = accessBindingRefSchema.extend({ role });
