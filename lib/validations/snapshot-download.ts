import { z } from "zod";
import { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH } from "./passphrase";

// The Download with credentials dialog of a snapshot. The server validates again (downloadSnapshot).
export const snapshotDownloadSchema = z
  .object({
    passphrase: z
      .string()
      .max(MAX_PASSPHRASE_LENGTH, `At most ${MAX_PASSPHRASE_LENGTH.toLocaleString("en-US")} characters.`),
    confirmPassphrase: z.string().max(MAX_PASSPHRASE_LENGTH),
  })
  .superRefine((value, ctx) => {
    if ([...value.passphrase].length < MIN_PASSPHRASE_LENGTH)
      ctx.addIssue({
        code: "custom",
        path: ["passphrase"],
        message: `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`,
      });
    if (value.confirmPassphrase !== value.passphrase)
      ctx.addIssue({ code: "custom", path: ["confirmPassphrase"], message: "The passphrases do not match." });
  });

export type SnapshotDownloadValues = z.infer<typeof snapshotDownloadSchema>;
