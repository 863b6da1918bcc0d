import { z } from "zod";

// Personal access tokens: shared by the settings form, its server action and the CLI.
export const MAX_TOKEN_LIFETIME_DAYS = 3650;

export const createAccessTokenSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name.").max(100, "A token name has at most 100 characters."),
  expiresInDays: z
    .number({ error: "Enter a whole number of days." })
    .int("Enter a whole number of days.")
    .min(1, "A token lasts at least 1 day.")
    .max(MAX_TOKEN_LIFETIME_DAYS, `A token lasts at most ${MAX_TOKEN_LIFETIME_DAYS} days.`)
    .optional(),
});
export type CreateAccessTokenInput = z.infer<typeof createAccessTokenSchema>;
