// The authorization matrix: who gets what from every API route (/api/v1 and the MCP endpoint
// /api/mcp, tool by tool) and every server action, for
// the demo roles on their own and other tenants' data and for callers without valid credentials.
// test/authorization/authorization.test.ts calls every cell and compares; docs/authorization.md
// is rendered from this file (`npm run docs:authorization`; a test fails when it drifts).
//
// Each row's expectation lists HTTP statuses in column order; "|" only separates the callers
// without valid credentials from the demo roles. Server actions answer data, not statuses: their
// cell is the status of the error code they return (ERROR_STATUS), or 200 when they succeed. So do
// MCP tools: /api/mcp answers 200 with a tool error once the token is valid.

export const API_COLUMNS = [
  "no token",
  "revoked token",
  "expired token",
  "expired session",
  "root",
  "admin@acme",
  "lead@acme",
  "analyst@acme",
  "admin@globex",
] as const;
export const ACTION_COLUMNS = [
  "no session",
  "expired session",
  "root",
  "admin@acme",
  "lead@acme",
  "analyst@acme",
  "admin@globex",
] as const;

export interface MatrixRow {
  /** `METHOD /api/...` with {params}, or a server action's exported name. */
  surface: string;
  /** What the call acts on (tenant, project, model), or "—". */
  target: string;
  expect: number[];
}

function rows(columns: readonly string[], table: [string, string, string][]): MatrixRow[] {
  return table.map(([surface, target, statuses]) => {
    const expect = statuses.replace("|", " ").trim().split(/\s+/).map(Number);
    if (expect.length !== columns.length || expect.some((s) => !Number.isInteger(s)))
      throw new Error(`Malformed matrix row ${surface} ${target}`);
    return { surface, target, expect };
  });
}

// Targets. acme/sales-analytics: lead is project ADMIN, analyst VIEWER (and EDITOR of the
// web-sessions model). acme/marketing-dev: in their tenant, but they have no binding on it.
// globex/finance: another tenant for everyone but root and admin@globex.
const SALES = "acme/sales-analytics";
const MARKETING = "acme/marketing-dev";
const FINANCE = "globex/finance";

const PUBLIC = "200 200 200 200 | 200 200 200 200 200";
const ANYONE_SIGNED_IN = "401 401 401 401 | 200 200 200 200 200";
const API_ACME = "401 401 401 401 | 200 200 200 200 404";
const API_GLOBEX = "401 401 401 401 | 200 404 404 404 200";
const API_ACME_ADMIN = "401 401 401 401 | 200 200 403 403 404";
const API_SALES_ADMIN = "401 401 401 401 | 200 200 200 403 404";
const API_SALES_EDITOR_MODEL = "401 401 401 401 | 200 200 200 200 404";
const API_MARKETING = "401 401 401 401 | 200 200 404 404 404";

/** The project-level row triple: the demo project with its given callers, one they cannot see, another tenant's. */
const projectApiRows = (surface: string, sales: string): [string, string, string][] => [
  [surface, SALES, sales],
  [surface, MARKETING, API_MARKETING],
  [surface, FINANCE, API_GLOBEX],
];
const API_SALES_TENANT_ADMIN = "401 401 401 401 | 200 200 403 403 404";
/** An MCP tool on the three projects, answering as its route does. */
const mcpToolRows = (tool: string, sales: string): [string, string, string][] =>
  projectApiRows("POST /api/mcp", sales).map(([surface, t, s]) => [surface, `${tool} ${t}`, s]);

// The reference-project dimension (SPEC §13): acme/sales-reference is a reference copy of
// sales-analytics with the same bindings (lead ADMIN, analyst VIEWER and EDITOR of web-sessions).
// Every configuration change answers 409 PROJECT_MANAGED to whoever's role would allow it (403 and
// 404 stay as on any project); operations — deploy, refresh, export, history, restore, duplicate —
// answer as on an ordinary project. acme/fresh-reference: a new reference project per cell.
const REFERENCE = "acme/sales-reference";
const FRESH_REFERENCE = "acme/fresh-reference";
const API_MANAGED = "401 401 401 401 | 409 409 409 403 404";
const API_MANAGED_TENANT = "401 401 401 401 | 409 409 403 403 404";

export const API_MATRIX: MatrixRow[] = rows(API_COLUMNS, [
  ["GET /api/v1/health", "—", PUBLIC],
  ["GET /api/v1/bundle-schema.json", "—", PUBLIC],
  ["GET /api/v1/openapi.json", "—", PUBLIC],
  ["GET /api/v1/me", "—", ANYONE_SIGNED_IN],
  ["GET /api/v1/projects", "tenant acme", API_ACME],
  ["GET /api/v1/projects", "tenant globex", API_GLOBEX],
  ["GET /api/v1/projects/{projectSlug}", SALES, API_ACME],
  ["GET /api/v1/projects/{projectSlug}", MARKETING, API_MARKETING],
  ["GET /api/v1/projects/{projectSlug}", FINANCE, API_GLOBEX],
  ["POST /api/v1/projects/{projectSlug}/export", SALES, API_SALES_ADMIN],
  ["POST /api/v1/projects/{projectSlug}/export", MARKETING, API_MARKETING],
  ["POST /api/v1/projects/{projectSlug}/export", FINANCE, API_GLOBEX],
  ["POST /api/v1/projects/{projectSlug}/models/{modelSlug}/export", `${SALES}/web-sessions`, API_SALES_EDITOR_MODEL],
  ["POST /api/v1/projects/{projectSlug}/models/{modelSlug}/export", `${SALES}/orders`, API_SALES_ADMIN],
  ["POST /api/v1/projects/{projectSlug}/models/{modelSlug}/export", `${MARKETING}/campaigns`, API_MARKETING],
  ["POST /api/v1/projects/{projectSlug}/models/{modelSlug}/export", `${FINANCE}/ledger`, API_GLOBEX],
  // Who may carry secrets out (SPEC §6): a project ADMIN exports the project's LLM keys (connection
  // secrets stripped); only a tenant admin includes credentials in a model export.
  ["POST /api/v1/projects/{projectSlug}/export", `${SALES} with credentials`, API_SALES_ADMIN],
  [
    "POST /api/v1/projects/{projectSlug}/models/{modelSlug}/export",
    `${SALES}/web-sessions with credentials`,
    API_ACME_ADMIN,
  ],
  ["POST /api/v1/projects/import/preview", "tenant acme", API_ACME_ADMIN],
  ["POST /api/v1/projects/import/preview", "tenant globex", API_GLOBEX],
  ["POST /api/v1/projects/import", "tenant acme", API_ACME_ADMIN],
  ["POST /api/v1/projects/import", "tenant globex", API_GLOBEX],
  // The plan is a dry run of the import: the same callers (SPEC §11).
  ["POST /api/v1/projects/import/plan", "tenant acme", API_ACME_ADMIN],
  ["POST /api/v1/projects/import/plan", "tenant globex", API_GLOBEX],
  ["POST /api/v1/projects/{projectSlug}/models/import", SALES, API_SALES_ADMIN],
  ["POST /api/v1/projects/{projectSlug}/models/import", MARKETING, API_MARKETING],
  ["POST /api/v1/projects/{projectSlug}/models/import", FINANCE, API_GLOBEX],
  // The safety net (SPEC §12): history for project ADMINs and tenant admins; restore and snapshot
  // downloads with credentials for tenant admins; deploy all / refresh all for project EDITORs.
  ["GET /api/v1/history", "tenant acme", API_ACME_ADMIN],
  ["GET /api/v1/history", "tenant globex", API_GLOBEX],
  ...projectApiRows("GET /api/v1/projects/{projectSlug}/history", API_SALES_ADMIN),
  ...projectApiRows("GET /api/v1/projects/{projectSlug}/history/{importId}", API_SALES_ADMIN),
  ...projectApiRows("POST /api/v1/projects/{projectSlug}/history/{importId}/checklist/{item}", API_SALES_ADMIN),
  ...projectApiRows("GET /api/v1/projects/{projectSlug}/snapshots", API_SALES_ADMIN),
  ...projectApiRows("POST /api/v1/projects/{projectSlug}/snapshots/{snapshotId}/restore", API_SALES_TENANT_ADMIN),
  ...projectApiRows("GET /api/v1/projects/{projectSlug}/snapshots/{snapshotId}/download", API_SALES_ADMIN),
  ["POST /api/v1/projects/{projectSlug}/snapshots/{snapshotId}/download", SALES, API_SALES_ADMIN],
  [
    "POST /api/v1/projects/{projectSlug}/snapshots/{snapshotId}/download",
    `${SALES} with credentials`,
    API_SALES_TENANT_ADMIN,
  ],
  ...projectApiRows("POST /api/v1/projects/{projectSlug}/deploy-all", API_SALES_ADMIN),
  ...projectApiRows("POST /api/v1/projects/{projectSlug}/refresh", API_SALES_ADMIN),
  // Duplicate (SPEC §13): secrets are copied, so a tenant admin only.
  ...projectApiRows("POST /api/v1/projects/{projectSlug}/duplicate", API_SALES_TENANT_ADMIN),
  ["GET /api/v1/exports/{token}", `${SALES} (a download ticket of lead@acme)`, "401 401 401 401 | 404 404 200 404 404"],
  // Detach (SPEC §13): tenant admins; a project that is not a reference answers 409 CONFLICT.
  ["POST /api/v1/projects/{projectSlug}/detach", FRESH_REFERENCE, "401 401 401 401 | 200 200 404 404 404"],
  ["POST /api/v1/projects/{projectSlug}/detach", SALES, API_MANAGED_TENANT],
  ["POST /api/v1/projects/{projectSlug}/detach", MARKETING, "401 401 401 401 | 409 409 404 404 404"],
  ["POST /api/v1/projects/{projectSlug}/detach", FINANCE, "401 401 401 401 | 409 404 404 404 409"],
  // The reference project: closed to configuration, open to operations.
  ["GET /api/v1/projects/{projectSlug}", REFERENCE, API_ACME],
  ["POST /api/v1/projects/{projectSlug}/export", REFERENCE, API_SALES_ADMIN],
  [
    "POST /api/v1/projects/{projectSlug}/models/{modelSlug}/export",
    `${REFERENCE}/web-sessions`,
    API_SALES_EDITOR_MODEL,
  ],
  ["POST /api/v1/projects/{projectSlug}/models/import", REFERENCE, API_MANAGED],
  ["POST /api/v1/projects/import", `${REFERENCE} (replace, another source)`, API_MANAGED_TENANT],
  ["POST /api/v1/projects/import/plan", `${REFERENCE} (replace, another source)`, API_MANAGED_TENANT],
  ["GET /api/v1/projects/{projectSlug}/history", REFERENCE, API_SALES_ADMIN],
  ["GET /api/v1/projects/{projectSlug}/history/{importId}", REFERENCE, API_SALES_ADMIN],
  ["POST /api/v1/projects/{projectSlug}/history/{importId}/checklist/{item}", REFERENCE, API_SALES_ADMIN],
  ["GET /api/v1/projects/{projectSlug}/snapshots", REFERENCE, API_SALES_ADMIN],
  ["POST /api/v1/projects/{projectSlug}/snapshots/{snapshotId}/restore", REFERENCE, API_SALES_TENANT_ADMIN],
  ["GET /api/v1/projects/{projectSlug}/snapshots/{snapshotId}/download", REFERENCE, API_SALES_ADMIN],
  ["POST /api/v1/projects/{projectSlug}/deploy-all", REFERENCE, API_SALES_ADMIN],
  ["POST /api/v1/projects/{projectSlug}/refresh", REFERENCE, API_SALES_ADMIN],
  ["POST /api/v1/projects/{projectSlug}/duplicate", REFERENCE, API_SALES_TENANT_ADMIN],
  // The MCP server (SPEC §14): each tool calls its route's lib function, so it answers as that
  // route does. The target names the tool (`tools/list`: the list itself).
  ["POST /api/mcp", "tools/list", ANYONE_SIGNED_IN],
  ["POST /api/mcp", "list_projects tenant acme", API_ACME],
  ["POST /api/mcp", "list_projects tenant globex", API_GLOBEX],
  ...mcpToolRows("get_project", API_ACME),
  ...mcpToolRows("export_project", API_SALES_ADMIN),
  ["POST /api/mcp", "preview_import tenant acme", API_ACME_ADMIN],
  ["POST /api/mcp", "preview_import tenant globex", API_GLOBEX],
  ["POST /api/mcp", "plan_import tenant acme", API_ACME_ADMIN],
  ["POST /api/mcp", "plan_import tenant globex", API_GLOBEX],
  ["POST /api/mcp", "import_bundle tenant acme", API_ACME_ADMIN],
  ["POST /api/mcp", "import_bundle tenant globex", API_GLOBEX],
  ["POST /api/mcp", "list_history tenant acme", API_ACME_ADMIN],
  ["POST /api/mcp", "list_history tenant globex", API_GLOBEX],
  ...mcpToolRows("list_history", API_SALES_ADMIN),
  ...mcpToolRows("list_snapshots", API_SALES_ADMIN),
  ...mcpToolRows("restore_snapshot", API_SALES_TENANT_ADMIN),
]);

const ACT_PUBLIC = "200 200 | 200 200 200 200 200";
const ACT_SIGNED_IN = "401 401 | 200 200 200 200 200";
const ACT_ACME_ADMIN = "401 401 | 200 200 403 403 404";
const ACT_GLOBEX = "401 401 | 200 404 404 404 200";
const ACT_SALES_ADMIN = "401 401 | 200 200 200 403 404";
const ACT_SALES_EDITOR_MODEL = "401 401 | 200 200 200 200 404";
const ACT_MARKETING = "401 401 | 200 200 404 404 404";

const ACT_MANAGED = "401 401 | 409 409 409 403 404";
const ACT_MANAGED_EDITOR_MODEL = "401 401 | 409 409 409 409 404";
/** A configuration change on the reference project. */
const managedRows = (...surfaces: string[]): [string, string, string][] =>
  surfaces.map((surface) => [surface, REFERENCE, ACT_MANAGED]);

const projectRows = (surface: string): [string, string, string][] => [
  [surface, SALES, ACT_SALES_ADMIN],
  [surface, MARKETING, ACT_MARKETING],
  [surface, FINANCE, ACT_GLOBEX],
];
const modelRows = (surface: string): [string, string, string][] => [
  [surface, `${SALES}/web-sessions`, ACT_SALES_EDITOR_MODEL],
  [surface, `${SALES}/orders`, ACT_SALES_ADMIN],
  [surface, `${MARKETING}/campaigns`, ACT_MARKETING],
  [surface, `${FINANCE}/ledger`, ACT_GLOBEX],
];
const tenantRows = (surface: string): [string, string, string][] => [
  [surface, "tenant acme", ACT_ACME_ADMIN],
  [surface, "tenant globex", ACT_GLOBEX],
];

export const ACTION_MATRIX: MatrixRow[] = rows(ACTION_COLUMNS, [
  ["signInAction", "the caller's own credentials", ACT_PUBLIC],
  ["signOutAction", "—", ACT_PUBLIC],
  ["createAccessTokenAction", "the caller's own tokens", ACT_SIGNED_IN],
  ["revokeAccessTokenAction", "a token of lead@acme", "401 401 | 404 404 200 404 404"],
  // Each check costs a key derivation: only those who may import (tenant admins) reach it.
  ["checkPassphraseAction", "any tenant (none named)", "401 401 | 200 200 403 403 200"],
  ...tenantRows("checkPassphraseAction"),
  ...tenantRows("createProjectAction"),
  ...tenantRows("saveConnectionAction"),
  ...tenantRows("deleteConnectionAction"),
  // Duplicate project… copies secrets: a tenant admin only (SPEC §13).
  ["duplicateProjectAction", SALES, ACT_ACME_ADMIN],
  ["duplicateProjectAction", MARKETING, ACT_MARKETING],
  ["duplicateProjectAction", FINANCE, ACT_GLOBEX],
  ...projectRows("prepareExportAction"),
  ...modelRows("prepareExportAction"),
  ["prepareExportAction", `${SALES} with credentials`, ACT_SALES_ADMIN],
  ["prepareExportAction", `${SALES}/web-sessions with credentials`, ACT_ACME_ADMIN],
  // Export Model…'s list of joined models: whoever may export the model may see them.
  ...modelRows("listExportDependenciesAction"),
  ...projectRows("updateProjectAction"),
  ...projectRows("linkConnectionAction"),
  ...projectRows("unlinkConnectionAction"),
  ...projectRows("saveLlmConfigAction"),
  ...projectRows("deleteLlmConfigAction"),
  ...projectRows("saveAgentConfigAction"),
  // Recipes and project-wide refresh need EDITOR on the project: the same callers as ADMIN here,
  // since no demo user is a project-wide EDITOR.
  ...projectRows("saveRecipeAction"),
  ...projectRows("deleteRecipeAction"),
  ...projectRows("refreshAction"),
  ...projectRows("deployAllAction"),
  // The History pages (SPEC §12): project ADMINs and tenant admins read and tick; a restore's plan
  // and the restore itself are a tenant admin's (a token of no plan: 409 PLAN_STALE, nothing written).
  ...tenantRows("tenantHistoryAction"),
  ...projectRows("projectHistoryAction"),
  ...projectRows("storedImportAction"),
  ...projectRows("tickChecklistItemAction"),
  ["planRestoreAction", SALES, ACT_ACME_ADMIN],
  ["planRestoreAction", MARKETING, ACT_MARKETING],
  ["planRestoreAction", FINANCE, ACT_GLOBEX],
  ["restoreSnapshotAction", SALES, "401 401 | 409 409 403 403 404"],
  ["restoreSnapshotAction", MARKETING, "401 401 | 409 409 404 404 404"],
  ["restoreSnapshotAction", FINANCE, "401 401 | 409 404 404 404 409"],
  ...modelRows("refreshAction"),
  ...modelRows("saveModelVersionAction"),
  ...modelRows("deployModelVersionAction"),
  ...projectRows("saveSettingAction"),
  ...projectRows("deleteSettingAction"),
  ...projectRows("grantAccessAction"),
  ...projectRows("changeAccessRoleAction"),
  ...projectRows("revokeAccessAction"),
  // Reference projects (SPEC §13): detach is a tenant admin's; configuration is closed, operations open.
  ["detachProjectAction", FRESH_REFERENCE, "401 401 | 200 200 404 404 404"],
  ["detachProjectAction", SALES, "401 401 | 409 409 403 403 404"],
  ["detachProjectAction", FINANCE, "401 401 | 409 404 404 404 409"],
  ...managedRows(
    "updateProjectAction",
    "linkConnectionAction",
    "unlinkConnectionAction",
    "saveLlmConfigAction",
    "deleteLlmConfigAction",
    "saveAgentConfigAction",
    "saveRecipeAction",
    "deleteRecipeAction",
    "saveSettingAction",
    "deleteSettingAction",
    "grantAccessAction",
    "changeAccessRoleAction",
    "revokeAccessAction",
  ),
  ["saveModelVersionAction", `${REFERENCE}/web-sessions`, ACT_MANAGED_EDITOR_MODEL],
  ["saveModelVersionAction", `${REFERENCE}/orders`, ACT_MANAGED],
  ["deployModelVersionAction", `${REFERENCE}/web-sessions`, ACT_SALES_EDITOR_MODEL],
  ["refreshAction", REFERENCE, ACT_SALES_ADMIN],
  ["deployAllAction", REFERENCE, ACT_SALES_ADMIN],
  ["prepareExportAction", REFERENCE, ACT_SALES_ADMIN],
  ["listExportDependenciesAction", `${REFERENCE}/web-sessions`, ACT_SALES_EDITOR_MODEL],
  ["projectHistoryAction", REFERENCE, ACT_SALES_ADMIN],
  ["storedImportAction", REFERENCE, ACT_SALES_ADMIN],
  ["tickChecklistItemAction", REFERENCE, ACT_SALES_ADMIN],
  ["planRestoreAction", REFERENCE, ACT_ACME_ADMIN],
  ["duplicateProjectAction", REFERENCE, ACT_ACME_ADMIN],
]);

export const rowKey = (row: Pick<MatrixRow, "surface" | "target">) => `${row.surface} @ ${row.target}`;
