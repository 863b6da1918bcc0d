import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { ByteSource } from "@/lib/bundle/byte-source";
import { AppError } from "@/lib/errors";
import { importModel } from "@/lib/import/import-model";
import { importOptionsSchema, IMPORT_MODES, type ImportOptions } from "@/lib/import/import-options";
import { importProject } from "@/lib/import/import-project";
import { previewImport } from "@/lib/import/preview-import";
import { readImportInput } from "@/lib/import/read-import-input";
import { tenantQuerySchema } from "@/lib/validations/tenant";
import { importPreviewSchema, importResultSchema } from "@/lib/validations/import-result";
import { outputOf, runTool } from "./tool-result";

// The import tools take the bundle as JSON (the file's object, or its text) where the API takes an
// upload, and the API's import options as they are; the same orchestrators do the rest.

const bundle = z
  .union([z.string().min(1), z.looseObject({})])
  .describe("The bundle (format ferry.project): its JSON object, or the file's text.");
const options = importOptionsSchema.describe(
  "The import options of POST /api/v1/projects/import (SPEC §4, §11): mode, tenant, projectSlug, connectionMapping, select, passphrase, planToken…",
);

function bundleBytes(input: string | Record<string, unknown>): Uint8Array {
  return Buffer.from(typeof input === "string" ? input : JSON.stringify(input), "utf8");
}

/** Import modes that change what is already there: the MCP tool wants the reviewed plan's token. */
export const DESTRUCTIVE_MODES: readonly ImportOptions["mode"][] = IMPORT_MODES.filter((mode) => mode !== "create");

export function registerImportTools(server: McpServer, actor: Actor): void {
  server.registerTool(
    "preview_import",
    {
      title: "Preview an import",
      description:
        "Validates a bundle and shows what importing it into the tenant would meet (POST /api/v1/projects/import/preview): its summary, whether the slug is taken (with a free one), the tenant's projects and connections, and a default action per exported connection. Writes nothing. Tenant admins.",
      inputSchema: z.object({
        bundle,
        tenant: tenantQuerySchema.shape.tenant.describe("The target tenant (default: the caller's only tenant)."),
      }),
      outputSchema: outputOf(importPreviewSchema),
      annotations: { readOnlyHint: true, destructiveHint: false, openWorldHint: false },
    },
    (input) =>
      runTool("preview_import", async () => ({
        ...(await previewImport({ actor, source: ByteSource.of(bundleBytes(input.bundle)), tenantSlug: input.tenant })),
      })),
  );

  server.registerTool(
    "plan_import",
    {
      title: "Plan an import",
      description:
        "The plan of an import (POST /api/v1/projects/import/plan): per section, each item's action (create, update, delete, unchanged, skip, unlink, link, keep) with the changed paths, counts, warnings, required actions and the `planToken` that import_bundle needs for replace, merge and skip-existing. A model bundle is planned against the project named by options.projectSlug. Writes nothing.",
      inputSchema: z.object({ bundle, options }),
      outputSchema: outputOf(importResultSchema),
      annotations: { readOnlyHint: true, destructiveHint: false, openWorldHint: false },
    },
    (input) =>
      runTool(
        "plan_import",
        async () => {
          const parsed = await readImportInput(upload(input.bundle, input.options), undefined, { dryRun: true });
          const run = parsed.bundle.scope === "model" ? importModel : importProject;
          return { ...(await run({ actor, ...parsed })) };
        },
        "IMPORT_FAILED",
      ),
  );

  server.registerTool(
    "import_bundle",
    {
      title: "Import a bundle",
      description: `Imports a bundle (POST /api/v1/projects/import; a model bundle as POST /api/v1/projects/{projectSlug}/models/import into options.projectSlug). Modes: create (a new project), replace (the target becomes the bundle), merge, skip-existing. ${DESTRUCTIVE_MODES.join(", ")} change an existing project and need options.planToken from plan_import: the import is refused with PLAN_STALE (nothing written) when the target changed since that plan. A snapshot of the target is taken first (restore_snapshot undoes it).`,
      inputSchema: z.object({ bundle, options }),
      outputSchema: outputOf(importResultSchema),
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
    },
    (input) =>
      runTool(
        "import_bundle",
        async () => {
          const parsed = await readImportInput(upload(input.bundle, input.options));
          if (DESTRUCTIVE_MODES.includes(parsed.options.mode) && !parsed.options.planToken && !parsed.options.dryRun)
            throw new AppError(
              "INVALID_OPTIONS",
              `Mode ${parsed.options.mode} changes an existing project: review its plan first (plan_import) and send its planToken.`,
              [{ path: "options.planToken", reason: "required for replace, merge and skip-existing" }],
            );
          const run = parsed.bundle.scope === "model" ? importModel : importProject;
          return { ...(await run({ actor, ...parsed })) };
        },
        "IMPORT_FAILED",
      ),
  );
}

function upload(input: string | Record<string, unknown>, options: ImportOptions) {
  const bytes = bundleBytes(input);
  return { options, source: () => ByteSource.of(bytes) };
}
