import { z } from "zod";
import { DEFAULT_SECTIONS, OPTIONAL_SECTIONS, type OptionalSection } from "@/lib/bundle/schema";
import { AppError } from "@/lib/errors";
import { MAX_PASSPHRASE_LENGTH } from "@/lib/validations/passphrase";

// Export options as the API, the CLI and the dialog send them (SPEC §3).
export const exportOptionsSchema = z.strictObject({
  sections: z.array(z.string()).optional(),
  includeCredentials: z.boolean().optional(),
  passphrase: z.string().max(MAX_PASSPHRASE_LENGTH).optional(),
  stable: z.boolean().optional(),
  /**
   * Model export only: which of the models the chosen one joins to (transitively) to include.
   * Default: all of them, so the bundle imports into a project that has none.
   */
  joinedModels: z.array(z.string().max(200)).max(10_000).optional(),
});
export type ExportOptionsInput = z.infer<typeof exportOptionsSchema>;

export interface ExportSettings {
  sections: OptionalSection[];
  includeCredentials: boolean;
  passphrase?: string;
  stable: boolean;
  /** Undefined: every joined model (model export). */
  joinedModels?: string[];
}

/** Validates options; unknown sections and malformed input are INVALID_OPTIONS. */
export function parseExportOptions(input: unknown): ExportSettings {
  const parsed = exportOptionsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    throw new AppError(
      "INVALID_OPTIONS",
      `The export options are not valid: ${parsed.error.issues[0]?.path.join(".") || "body"}: ${parsed.error.issues[0]?.message}.`,
      parsed.error.issues.map((i) => ({ path: i.path.join("."), reason: i.message })),
    );
  }
  const { sections, passphrase, stable } = parsed.data;
  const unknown = (sections ?? []).filter(
    (s) => !(OPTIONAL_SECTIONS as readonly string[]).includes(s) && s !== "models",
  );
  if (unknown.length > 0) {
    throw new AppError(
      "INVALID_OPTIONS",
      `Unknown section${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Sections are: models (always), ${OPTIONAL_SECTIONS.join(", ")}.`,
      { unknown },
    );
  }
  const chosen = sections === undefined ? DEFAULT_SECTIONS : OPTIONAL_SECTIONS.filter((s) => sections.includes(s));
  return {
    sections: chosen,
    includeCredentials: parsed.data.includeCredentials ?? passphrase !== undefined,
    passphrase,
    stable: stable ?? false,
    joinedModels: parsed.data.joinedModels,
  };
}
