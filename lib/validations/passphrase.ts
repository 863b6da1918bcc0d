import { z } from "zod";

/** Bundle passphrases (SPEC §2): at least 8 characters (code points, so emoji count once). */
export const MIN_PASSPHRASE_LENGTH = 8;
/** Every key derivation hashes the whole passphrase: bound it like a password. */
export const MAX_PASSPHRASE_LENGTH = 1_024;

/** A new passphrase typed twice (export and snapshot download dialogs): its fields and its rule. */
export const newPassphraseFields = {
  passphrase: z
    .string()
    .max(MAX_PASSPHRASE_LENGTH, `At most ${MAX_PASSPHRASE_LENGTH.toLocaleString("en-US")} characters.`),
  confirmPassphrase: z.string().max(MAX_PASSPHRASE_LENGTH),
};

export function checkNewPassphrase(value: { passphrase: string; confirmPassphrase: string }, ctx: z.RefinementCtx) {
  if ([...value.passphrase].length < MIN_PASSPHRASE_LENGTH)
    ctx.addIssue({
      code: "custom",
      path: ["passphrase"],
      message: `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`,
    });
  if (value.confirmPassphrase !== value.passphrase)
    ctx.addIssue({ code: "custom", path: ["confirmPassphrase"], message: "The passphrases do not match." });
}
