import { z } from "zod";
import { AppError } from "@/lib/errors";
import { planTokenSchema } from "@/lib/validations/plan-token";

// Import options as the API, the CLI and the wizard send them (SPEC §4).

export const connectionMappingEntrySchema = z.strictObject({
  action: z.enum(["create", "map", "pending"]),
  /** For `map`: the existing connection's name in the target tenant. */
  target: z.string().min(1).max(100).optional(),
  /** For `create`/`pending`: a new name when the exported one is taken. */
  name: z.string().min(1).max(100).optional(),
});
export type ConnectionMappingEntry = z.infer<typeof connectionMappingEntrySchema>;

export const IMPORT_MODES = ["create", "replace", "merge", "skip-existing"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Per section: only these items (`include`), or all but these (`exclude`), by natural key (SPEC §11). */
export const sectionSelectionSchema = z.strictObject({
  include: z.array(z.string().max(400)).max(100_000).optional(),
  exclude: z.array(z.string().max(400)).max(100_000).optional(),
});
export type SectionSelection = z.infer<typeof sectionSelectionSchema>;

export const importOptionsSchema = z.strictObject({
  mode: z.enum(IMPORT_MODES),
  tenant: z.string().min(1).max(100).optional(),
  /** Create: the new project's slug (default: the exported one). Replace: the project to replace. Model import: the target project. */
  projectSlug: z.string().max(200).optional(),
  displayName: z.string().trim().min(1).max(200).optional(),
  passphrase: z.string().max(1_000).optional(),
  modelSlugOverrides: z.record(z.string(), z.string().max(200)).optional(),
  connectionMapping: z.record(z.string(), connectionMappingEntrySchema).optional(),
  overrideCredentials: z.boolean().optional(),
  dryRun: z.boolean().optional(),
  /** Only some items of some sections (keys: section keys; see lib/import/select-items.ts). */
  select: z.record(z.string(), sectionSelectionSchema).optional(),
  /** The token of the plan the caller reviewed: the import is refused (PLAN_STALE) when it no longer matches. */
  planToken: planTokenSchema.optional(),
  /** Make the target a reference (read-only, updated from its source; SPEC §13): create or replace only. */
  reference: z.boolean().optional(),
  /** CLI only: create users named by access bindings that do not exist yet. */
  createUsers: z.boolean().optional(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

/** A preview's multipart `options`: only the tenant counts (other import options are ignored). */
export const previewOptionsSchema = z.object({ tenant: importOptionsSchema.shape.tenant });

export function parseImportOptions(input: unknown): ImportOptions {
  const parsed = importOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new AppError(
      "INVALID_OPTIONS",
      `The import options are not valid: ${first.path.join(".") || "options"}: ${first.message}.`,
      parsed.error.issues.slice(0, 50).map((i) => ({ path: i.path.join("."), reason: i.message })),
    );
  }
  return parsed.data;
}
