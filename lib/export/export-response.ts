import "server-only";
import { attachmentResponse } from "@/lib/http/attachment-response";
import type { PreparedExport } from "./export-project";

/**
 * The download of a prepared export. `X-Ferry-Credentials` says which secrets it carries — `all`,
 * `llm-keys` (a project ADMIN's export: connection secrets stripped) or `none` — so a script sees
 * what it got without opening the file.
 */
export function exportResponse(prepared: PreparedExport): Response {
  return attachmentResponse(prepared.open(), prepared.filename, { "x-ferry-credentials": prepared.secrets });
}
