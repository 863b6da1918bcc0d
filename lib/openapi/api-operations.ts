import { HISTORY_OPERATIONS } from "./operations/history";
import { IMPORT_OPERATIONS } from "./operations/imports";
import { WORKSPACE_OPERATIONS } from "./operations/workspace";

export type { ApiOperation } from "./operation";

// Every /api/v1 operation, described from the zod schemas its route parses with and answers
// with. lib/openapi/api-document.ts turns this list into the OpenAPI document; a test fails when
// a route handler exists that the list lacks, and the contract test calls every entry.
export const API_OPERATIONS = [...WORKSPACE_OPERATIONS, ...IMPORT_OPERATIONS, ...HISTORY_OPERATIONS];
