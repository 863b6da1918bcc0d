import { z } from "zod";
import { AppError } from "@/lib/errors";

// Import options as the API, the CLI and the wizard send them (SPEC §4).

export const connectionMappingEntrySchema = z.strictObject({
  action: z.enum(["create", "map", "pending"]),
  /** For `map`: the existing connection's name in the target tenant. */
  target: z.string().min(1).max(100).optional(),
  /** For `create`/`pending`: a new name when the exported one is taken. */
  name: z.string().min(1).max(100).optional(),
});
export type ConnectionMappingEntry = z.infer<typeof connectionMappingEntrySchema>;

export const importOptionsSchema = z.strictObject({
  mode: z.enum(["create", "replace"]),
  tenant: z.string().min(1).max(100).optional(),
  /** Create: the new project's slug (default: the exported one). Replace: the project to replace. Model import: the target project. */
  projectSlug: z.string().max(200).optional(),
  displayName: z.string().trim().min(1).max(200).optional(),
  passphrase: z.string().max(1_000).optional(),
  modelSlugOverrides: z.record(z.string(), z.string().max(200)).optional(),
  connectionMapping: z.record(z.string(), connectionMappingEntrySchema).optional(),
  overrideCredentials: z.boolean().optional(),
  dryRun: z.boolean().optional(),
  /** CLI only: create users named by access bindings that do not exist yet. */
  createUsers: z.boolean().optional(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

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
