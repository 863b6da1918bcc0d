import { z } from "zod";
import { parseJsonText } from "./json";

// A project setting: a key and any JSON value (text needs its double quotes).

export const settingInputSchema = z.object({
  key: z
    .string()
    .trim()
    .min(1, "Enter a key.")
    .max(200, "A key has at most 200 characters.")
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "A key cannot contain control characters."),
  value: z
    .string()
    .max(100_000, "At most 100,000 characters.")
    .transform((text, ctx) => {
      if (!text.trim()) {
        ctx.addIssue({ code: "custom", message: 'Enter a JSON value: "text", 42, true, [1, 2] or {"a": 1}.' });
        return z.NEVER;
      }
      const parsed = parseJsonText(text);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: `${parsed.reason} Text needs double quotes, e.g. "Europe/Paris".` });
        return z.NEVER;
      }
      return parsed.value;
    }),
});

export type SettingFormValues = z.input<typeof settingInputSchema>;
