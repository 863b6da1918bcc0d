import { importOptionsSchema, previewOptionsSchema } from "@/lib/import/import-options";
import { importPreviewSchema, importResultSchema } from "@/lib/validations/import-result";
import { tenantQuerySchema } from "@/lib/validations/tenant";
import {
  BUNDLE,
  IMPORT,
  importResult,
  multipart,
  multipartOrRaw,
  projectParams,
  type ApiOperation,
} from "../operation";

// Preview, plan and import of a bundle (SPEC §4, §11).

export const IMPORT_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/projects/import/preview",
    operationId: "previewImport",
    summary: "A bundle's summary and what importing it into the tenant would meet (no writes)",
    access: "tenant admin",
    query: tenantQuerySchema,
    body: { kind: "upload", options: previewOptionsSchema, raw: true, description: multipartOrRaw },
    success: { kind: "json", schema: importPreviewSchema, description: "The preview." },
    errors: [...BUNDLE, "NOT_FOUND", "FORBIDDEN", "UNAVAILABLE"],
  },
  {
    method: "post",
    path: "/api/v1/projects/import",
    operationId: "importProject",
    summary: "Import a bundle (create, replace, merge or skip-existing)",
    access: "tenant admin",
    body: { kind: "upload", options: importOptionsSchema, raw: false, description: `${multipart}.` },
    success: importResult("The import's result (a dry run: its plan)."),
    errors: [...IMPORT, "UNAVAILABLE"],
    fallback: "IMPORT_FAILED",
  },
  {
    method: "post",
    path: "/api/v1/projects/import/plan",
    operationId: "planImport",
    summary: "The plan of an import, item by item, without writing",
    access: "tenant admin (a model bundle: project ADMIN of the target)",
    body: {
      kind: "upload",
      options: importOptionsSchema.omit({ dryRun: true }),
      raw: false,
      description: `${multipart} (as the import's; a model bundle is planned against \`projectSlug\`).`,
    },
    success: { kind: "json", schema: importResultSchema, description: "The plan, as a dry run's result." },
    errors: [...IMPORT.filter((code) => code !== "PLAN_STALE" && code !== "CONFLICT"), "UNAVAILABLE"],
    fallback: "IMPORT_FAILED",
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectSlug}/models/import",
    operationId: "importModel",
    summary: "Import a model bundle into an existing project",
    access: "project ADMIN",
    params: projectParams,
    query: tenantQuerySchema,
    body: {
      kind: "upload",
      options: importOptionsSchema.partial({ mode: true }),
      raw: true,
      description: `${multipartOrRaw} \`mode\` defaults to create; the project is the path's.`,
    },
    success: importResult("The import's result (a dry run: its plan)."),
    errors: [...IMPORT, "UNAVAILABLE"],
    fallback: "IMPORT_FAILED",
  },
];
