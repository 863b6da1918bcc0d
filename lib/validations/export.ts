import { z } from "zod";
import { OPTIONAL_SECTION_KEYS } from "@/lib/bundle/section-catalog";
import type { OptionalSection } from "@/lib/bundle/sections";
import { checkNewPassphrase, newPassphraseFields } from "./passphrase";

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
    ...newPassphraseFields,
  })
  .superRefine((value, ctx) => {
    if (value.includeCredentials) checkNewPassphrase(value, ctx);
  });

export type ExportDialogValues = z.infer<typeof exportDialogSchema>;
