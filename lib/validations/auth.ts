import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "./user";

// Sign-in runs before anyone is known: every field is bounded so a huge body costs nothing.
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email.")
    .max(320, "At most 320 characters.")
    .email("Enter a valid email address."),
  password: z
    .string()
    .min(1, "Enter your password.")
    .max(MAX_PASSWORD_LENGTH, `A password has at most ${MAX_PASSWORD_LENGTH.toLocaleString("en-US")} characters.`),
});
export type SignInInput = z.infer<typeof signInSchema>;
