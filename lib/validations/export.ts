import { z } from "zod";
import { OPTIONAL_SECTION_KEYS } from "@/lib/bundle/section-catalog";
import type { OptionalSection } from "@/lib/bundle/sections";
import { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH } from "./passphrase";

// The export dialog's form. The server validates again (lib/export/export-options.ts).
export const exportDialogSchema = z
  .object({
    // One checkbox per optional section of the registry.
    sections: z.object(
      Object.fromEntries(OPTIONAL_SECTION_KEYS.map((key) => [key, z.boolean()])) as Record<
        OptionalSection,
        z.ZodBoolean
      >,
    ),
    includeCredentials: z.boolean(),
    passphrase: z
      .string()
      .max(MAX_PASSPHRASE_LENGTH, `At most ${MAX_PASSPHRASE_LENGTH.toLocaleString("en-US")} characters.`),
    confirmPassphrase: z.string().max(MAX_PASSPHRASE_LENGTH),
  })
  .superRefine((value, ctx) => {
    if (!value.includeCredentials) return;
    if ([...value.passphrase].length < MIN_PASSPHRASE_LENGTH)
      ctx.addIssue({
        code: "custom",
        path: ["passphrase"],
        message: `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`,
      });
    if (value.confirmPassphrase !== value.passphrase)
      ctx.addIssue({ code: "custom", path: ["confirmPassphrase"], message: "The passphrases do not match." });
  });

export type ExportDialogValues = z.infer<typeof exportDialogSchema>;
