import { z } from "zod";
import { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH } from "./passphrase";

// The export dialog's form. The server validates again (lib/export/export-options.ts).
export const exportDialogSchema = z
  .object({
    sections: z.object({
      connections: z.boolean(),
      llmConfigs: z.boolean(),
      agent: z.boolean(),
      recipes: z.boolean(),
      settings: z.boolean(),
      accessBindings: z.boolean(),
    }),
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
