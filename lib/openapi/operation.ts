import { z } from "zod";
import type { ErrorCode } from "@/lib/errors";
import { importResultSchema } from "@/lib/validations/import-result";

// What describes one /api/v1 operation (lib/openapi/api-operations.ts lists them all), and the
// error codes and parts several share.

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

export const projectParams = z.object({ projectSlug: z.string() });
export const snapshotParams = projectParams.extend({ snapshotId: z.string() });
export const importParams = projectParams.extend({ importId: z.string() });

/** Codes of every route that names a project (`?tenant=` then the project, then the caller's role). */
export const PROJECT: ErrorCode[] = ["INVALID_OPTIONS", "NOT_FOUND", "PROJECT_NOT_FOUND", "FORBIDDEN"];
/** Codes of a small JSON body. */
export const JSON_BODY: ErrorCode[] = ["INVALID_JSON", "PAYLOAD_TOO_LARGE", "INVALID_OPTIONS"];
/** Codes of an uploaded bundle. */
export const BUNDLE: ErrorCode[] = [
  "INVALID_JSON",
  "PAYLOAD_TOO_LARGE",
  "INVALID_BUNDLE",
  "UNSUPPORTED_BUNDLE_VERSION",
  "INVALID_OPTIONS",
];
/** Codes of an import's plan and write (SPEC §4, §11). */
export const IMPORT: ErrorCode[] = [
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
  // A reference project (SPEC §13): another source, a model bundle or skip-existing.
  "PROJECT_MANAGED",
];
/** A project export: an unknown tenant reads as an unknown project (PROJECT_NOT_FOUND). */
export const EXPORT: ErrorCode[] = [
  ...PROJECT.filter((code) => code !== "NOT_FOUND"),
  ...JSON_BODY,
  "PASSPHRASE_REQUIRED",
  "PASSPHRASE_TOO_SHORT",
];

export const importResult = (description: string): Success => ({
  kind: "import",
  schema: importResultSchema,
  description,
});
export const multipart = "The bundle as the multipart file `bundle`, the options as the JSON part `options`";
export const multipartOrRaw = `${multipart}; or the bundle itself as the JSON body (the options then default).`;
