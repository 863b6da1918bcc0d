import { z } from "zod";
import type { ErrorCode } from "@/lib/errors";
import { exportOptionsSchema } from "@/lib/export/export-options";
import { importOptionsSchema, previewOptionsSchema } from "@/lib/import/import-options";
import {
  deployAllResultSchema,
  healthSchema,
  historyPageSchema,
  meSchema,
  projectDetailSchema,
  projectListSchema,
  refreshResultSchema,
  snapshotListSchema,
  storedImportSchema,
} from "@/lib/validations/api-responses";
import { duplicateOptionsSchema } from "@/lib/validations/duplicate";
import {
  checklistTickSchema,
  deployAllOptionsSchema,
  downloadOptionsSchema,
  historyQuerySchema,
  restoreOptionsSchema,
} from "@/lib/validations/history";
import { importPreviewSchema, importResultSchema } from "@/lib/validations/import-result";
import { tenantQuerySchema } from "@/lib/validations/tenant";

// Every /api/v1 operation, described from the zod schemas its route parses with and answers
// with. lib/openapi/api-document.ts turns this list into the OpenAPI document; a test fails when
// a route handler exists that the list lacks, and the contract test calls every entry.

export type Success =
  | { kind: "json"; schema: z.ZodType; description: string }
  | { kind: "bundle"; description: string }
  | { kind: "document"; contentType: string; description: string }
  | { kind: "import"; schema: z.ZodType; description: string };

export type RequestBody =
  | { kind: "json"; schema: z.ZodType; required: boolean }
  /** A bundle upload: multipart (`bundle` file, `options` JSON part), or (`raw`) the bundle as the body. */
  | { kind: "upload"; options: z.ZodType; raw: boolean; description: string };

export interface ApiOperation {
  method: "get" | "post";
  path: string;
  operationId: string;
  summary: string;
  /** Who may call it beyond a valid token ("anyone" needs no token). */
  access: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: RequestBody;
  success: Success;
  /** The SPEC §5 codes this operation answers besides UNAUTHENTICATED and the fallback 500. */
  errors: ErrorCode[];
  /** The 500 code of an unexpected failure (IMPORT_FAILED: rolled back). */
  fallback?: ErrorCode;
}

const projectParams = z.object({ projectSlug: z.string() });
const snapshotParams = projectParams.extend({ snapshotId: z.string() });
const importParams = projectParams.extend({ importId: z.string() });

/** Codes of every route that names a project (`?tenant=` then the project, then the caller's role). */
const PROJECT: ErrorCode[] = ["INVALID_OPTIONS", "NOT_FOUND", "PROJECT_NOT_FOUND", "FORBIDDEN"];
/** Codes of a small JSON body. */
const JSON_BODY: ErrorCode[] = ["INVALID_JSON", "PAYLOAD_TOO_LARGE", "INVALID_OPTIONS"];
/** Codes of an uploaded bundle. */
const BUNDLE: ErrorCode[] = [
  "INVALID_JSON",
  "PAYLOAD_TOO_LARGE",
  "INVALID_BUNDLE",
  "UNSUPPORTED_BUNDLE_VERSION",
  "INVALID_OPTIONS",
];
/** Codes of an import's plan and write (SPEC §4, §11). */
const IMPORT: ErrorCode[] = [
  ...BUNDLE,
  "NOT_FOUND",
  "FORBIDDEN",
  "PROJECT_NOT_FOUND",
  "PASSPHRASE_REQUIRED",
  "PASSPHRASE_TOO_SHORT",
  "WRONG_PASSPHRASE",
  "SLUG_TAKEN",
  "INVALID_SLUG",
  "CONNECTION_MAPPING_REQUIRED",
  "CONNECTION_TYPE_MISMATCH",
  "DANGLING_REFERENCE",
  "PLAN_STALE",
  "CONFLICT",
];
/** A project export: an unknown tenant reads as an unknown project (PROJECT_NOT_FOUND). */
const EXPORT: ErrorCode[] = [
  ...PROJECT.filter((code) => code !== "NOT_FOUND"),
  ...JSON_BODY,
  "PASSPHRASE_REQUIRED",
  "PASSPHRASE_TOO_SHORT",
];

const importResult = (description: string): Success => ({ kind: "import", schema: importResultSchema, description });
const multipart = "The bundle as the multipart file `bundle`, the options as the JSON part `options`";
const multipartOrRaw = `${multipart}; or the bundle itself as the JSON body (the options then default).`;

export const API_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/health",
    operationId: "getHealth",
    summary: "Whether the server and its database answer",
    access: "anyone",
    success: { kind: "json", schema: healthSchema, description: "The database answered." },
    errors: ["UNAVAILABLE"],
  },
  {
    method: "get",
    path: "/api/v1/bundle-schema.json",
    operationId: "getBundleSchema",
    summary: "The bundle format's JSON Schema",
    access: "anyone",
    success: { kind: "document", contentType: "application/schema+json", description: "JSON Schema (2020-12)." },
    errors: [],
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document",
    access: "anyone",
    success: { kind: "document", contentType: "application/json", description: "OpenAPI 3.1." },
    errors: [],
  },
  {
    method: "get",
    path: "/api/v1/me",
    operationId: "getMe",
    summary: "The caller and their tenants",
    access: "any signed-in user",
    success: { kind: "json", schema: meSchema, description: "The caller." },
    errors: [],
  },
  {
    method: "get",
    path: "/api/v1/projects",
    operationId: "listProjects",
    summary: "Projects the caller can see, with their role and model count",
    access: "members of the tenant (each project by its role)",
    query: tenantQuerySchema,
    success: { kind: "json", schema: projectListSchema, description: "The projects." },
    errors: ["INVALID_OPTIONS", "NOT_FOUND"],
  },
  {
    method: "get",
    path: "/api/v1/projects/{projectSlug}",
    operationId: "getProject",
    summary: "One project by natural keys, secrets reduced to hasSecret / hasApiKey",
    access: "project VIEWER",
    params: projectParams,
    query: tenantQuerySchema,
    success: { kind: "json", schema: projectDetailSchema, description: "The project." },
    // Any role may read: a caller without one gets PROJECT_NOT_FOUND, never FORBIDDEN.
    errors: PROJECT.filter((code) => code !== "FORBIDDEN"),
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectSlug}/export",
    operationId: "exportProject",
    summary: "Export the project as a bundle file",
    access: "project ADMIN (connection secrets: tenant admin)",
    params: projectParams,
    query: tenantQuerySchema,
    body: { kind: "json", schema: exportOptionsSchema, required: false },
    success: { kind: "bundle", description: "The bundle as an attachment." },
    errors: EXPORT,
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectSlug}/models/{modelSlug}/export",
    operationId: "exportModel",
    summary: "Export one model (and the models it joins to) as a bundle file of scope `model`",
    access: "model EDITOR (with credentials: tenant admin)",
    params: projectParams.extend({ modelSlug: z.string() }),
    query: tenantQuerySchema,
    body: { kind: "json", schema: exportOptionsSchema, required: false },
    success: { kind: "bundle", description: "The model bundle as an attachment." },
    errors: [...EXPORT, "NOT_FOUND"],
  },
  {
    method: "get",
    path: "/api/v1/exports/{token}",
    operationId: "downloadExport",
    summary: "One-time download of an export prepared in the browser",
    access: "the user who prepared it",
    params: z.object({ token: z.string() }),
    success: { kind: "bundle", description: "The prepared bundle as an attachment." },
    errors: ["NOT_FOUND"],
  },
  {
    method: "post",
    path: "/api/v1/projects/import/preview",
    operationId: "previewImport",
    summary: "A bundle's summary and what importing it into the tenant would meet (no writes)",
    access: "tenant admin",
    query: tenantQuerySchema,
    body: { kind: "upload", options: previewOptionsSchema, raw: true, description: multipartOrRaw },
    success: { kind: "json", schema: importPreviewSchema, description: "The preview." },
    errors: [...BUNDLE, "NOT_FOUND", "FORBIDDEN"],
  },
  {
    method: "post",
    path: "/api/v1/projects/import",
    operationId: "importProject",
    summary: "Import a bundle (create, replace, merge or skip-existing)",
    access: "tenant admin",
    body: { kind: "upload", options: importOptionsSchema, raw: false, description: `${multipart}.` },
    success: importResult("The import's result (a dry run: its plan)."),
    errors: IMPORT,
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
    errors: IMPORT.filter((code) => code !== "PLAN_STALE" && code !== "CONFLICT"),
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
    errors: IMPORT,
    fallback: "IMPORT_FAILED",
  },
  {
    method: "get",
    path: "/api/v1/history",
    operationId: "tenantHistory",
    summary: "The tenant's history, newest first, a page at a time",
    access: "tenant admin",
    query: historyQuerySchema,
    success: { kind: "json", schema: historyPageSchema, description: "One page of history." },
    errors: ["INVALID_OPTIONS", "NOT_FOUND", "FORBIDDEN"],
  },
  {
    method: "get",
    path: "/api/v1/projects/{projectSlug}/history",
    operationId: "projectHistory",
    summary: "The project's history, newest first, a page at a time",
    access: "project ADMIN",
    params: projectParams,
    query: historyQuerySchema,
    success: { kind: "json", schema: historyPageSchema, description: "One page of history." },
    errors: PROJECT,
  },
  {
    method: "get",
    path: "/api/v1/projects/{projectSlug}/history/{importId}",
    operationId: "getStoredImport",
    summary: "An import's stored result with its checklist",
    access: "project ADMIN",
    params: importParams,
    query: tenantQuerySchema,
    success: { kind: "json", schema: storedImportSchema, description: "The stored result." },
    errors: PROJECT,
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectSlug}/history/{importId}/checklist/{item}",
    operationId: "tickChecklistItem",
    summary: "Tick or untick a checklist item by hand",
    access: "project ADMIN",
    params: importParams.extend({ item: z.string().meta({ description: "The item's index (0-based)." }) }),
    query: tenantQuerySchema,
    body: { kind: "json", schema: checklistTickSchema, required: true },
    success: { kind: "json", schema: storedImportSchema, description: "The stored result, ticked." },
    errors: [...PROJECT, ...JSON_BODY],
  },
  {
    method: "get",
    path: "/api/v1/projects/{projectSlug}/snapshots",
    operationId: "listSnapshots",
    summary: "The project's snapshots, newest first",
    access: "project ADMIN",
    params: projectParams,
    query: tenantQuerySchema,
    success: { kind: "json", schema: snapshotListSchema, description: "The snapshots." },
    errors: PROJECT,
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectSlug}/snapshots/{snapshotId}/restore",
    operationId: "restoreSnapshot",
    summary: "Restore a snapshot (or, with dryRun, the plan back to it)",
    access: "tenant admin",
    params: snapshotParams,
    query: tenantQuerySchema,
    body: { kind: "json", schema: restoreOptionsSchema, required: false },
    success: importResult("The restore's result (a dry run: its plan)."),
    errors: [...PROJECT, ...JSON_BODY, "PLAN_STALE"],
    fallback: "IMPORT_FAILED",
  },
  {
    method: "get",
    path: "/api/v1/projects/{projectSlug}/snapshots/{snapshotId}/download",
    operationId: "downloadSnapshot",
    summary: "A snapshot as a bundle file, credentials stripped",
    access: "project ADMIN",
    params: snapshotParams,
    query: tenantQuerySchema,
    success: { kind: "bundle", description: "The snapshot's bundle as an attachment." },
    errors: PROJECT,
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectSlug}/snapshots/{snapshotId}/download",
    operationId: "downloadSnapshotWithCredentials",
    summary: "A snapshot as a bundle file, credentials under a passphrase of the caller's",
    access: "project ADMIN (with credentials: tenant admin)",
    params: snapshotParams,
    query: tenantQuerySchema,
    body: { kind: "json", schema: downloadOptionsSchema, required: false },
    success: { kind: "bundle", description: "The snapshot's bundle as an attachment." },
    errors: [...PROJECT, ...JSON_BODY, "PASSPHRASE_REQUIRED", "PASSPHRASE_TOO_SHORT"],
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectSlug}/deploy-all",
    operationId: "deployAll",
    summary: "Deploy every model at the version an import says was live in its source",
    access: "project EDITOR",
    params: projectParams,
    query: tenantQuerySchema,
    body: { kind: "json", schema: deployAllOptionsSchema, required: false },
    success: { kind: "json", schema: deployAllResultSchema, description: "The versions deployed." },
    errors: [...PROJECT, ...JSON_BODY],
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectSlug}/duplicate",
    operationId: "duplicateProject",
    summary: "Copy the project (secrets copied server-side), in this tenant or another",
    access: "tenant admin (of both tenants)",
    params: projectParams,
    query: tenantQuerySchema,
    body: { kind: "json", schema: duplicateOptionsSchema, required: true },
    success: importResult("The copy's import result (a dry run: its plan)."),
    errors: [...PROJECT, ...JSON_BODY, "SLUG_TAKEN", "INVALID_SLUG", "CONNECTION_TYPE_MISMATCH", "PLAN_STALE"],
    fallback: "IMPORT_FAILED",
  },
  {
    method: "post",
    path: "/api/v1/projects/{projectSlug}/refresh",
    operationId: "refreshProject",
    summary: "Refresh every aggregate and pocket of the project",
    access: "project EDITOR",
    params: projectParams,
    query: tenantQuerySchema,
    success: { kind: "json", schema: refreshResultSchema, description: "How many were refreshed." },
    errors: PROJECT,
  },
];
