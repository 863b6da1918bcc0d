import { ACTION_COLUMNS, ACTION_MATRIX, API_COLUMNS, API_MATRIX, type MatrixRow } from "./matrix";

// Renders docs/authorization.md from the matrix the authorization test checks cell by cell.

function table(columns: readonly string[], rows: MatrixRow[], first: string): string {
  const header = `| ${first} | target | ${columns.join(" | ")} |`;
  const rule = `|${" --- |".repeat(columns.length + 2)}`;
  const body = rows.map((row) => `| \`${row.surface}\` | ${row.target} | ${row.expect.join(" | ")} |`);
  return [header, rule, ...body].join("\n");
}

export function renderAuthorizationDoc(): string {
  const apiCells = API_MATRIX.length * API_COLUMNS.length;
  const actionCells = ACTION_MATRIX.length * ACTION_COLUMNS.length;
  return `# Authorization

<!-- Generated from test/authorization/matrix.ts by \`npm run docs:authorization\`. Do not edit by hand:
     test/authorization/authorization.test.ts fails when this file and the matrix differ. -->

Who may do what, as the test suite checks it: every \`/api/v1\` route, every tool of the MCP
endpoint \`/api/mcp\` and every server action, called by each demo role (SPEC §9) on their own
tenant's and another tenant's data, and by callers without valid credentials. ${API_MATRIX.length} API rows × ${API_COLUMNS.length} callers (${apiCells} cells) and ${ACTION_MATRIX.length} server-action
rows × ${ACTION_COLUMNS.length} callers (${actionCells} cells), each one called for real against the demo data.

- **200** — allowed. **401** \`UNAUTHENTICATED\` — no valid token or session.
  **403** \`FORBIDDEN\` — the caller can see the target but lacks the role.
  **404** \`NOT_FOUND\` / \`PROJECT_NOT_FOUND\` — the caller cannot see the target (another
  tenant's data, or a project without a binding), so its existence does not leak.
- Roles: \`root@ferry.test\` is a system admin; \`admin@acme.test\` and \`admin@globex.test\` are
  tenant admins (project ADMIN on every project of their tenant); \`lead@acme.test\` is a member
  with a project ADMIN binding on acme/sales-analytics; \`analyst@acme.test\` is a member with a
  VIEWER binding there plus EDITOR on its web-sessions model. Neither has a binding on
  acme/marketing-dev.
- API callers: a personal access token of each role; *revoked* and *expired* tokens and an
  *expired session* cookie of lead@acme. Server actions: the role's session cookie.
- Rules (lib/auth/permissions.ts): project export and project-wide settings need project ADMIN;
  models, recipes and refresh need EDITOR (a model-scoped binding counts on its model only);
  project import, connections and new projects need tenant admin; download tickets belong to the
  user who made them. Checks live in \`lib/\`, so pages, actions, the API and the CLI share them.

## REST API and MCP

The MCP rows (\`POST /api/mcp\`) name the tool called in the target. With a valid token the
endpoint answers HTTP 200 and a refused tool call is a tool error (\`isError\`) carrying the API's
error code; its cell is that code's status, as for server actions.

${table(API_COLUMNS, API_MATRIX, "route")}

## Server actions

Server actions are POSTs to the page that uses them; each authenticates the session cookie and
calls the same \`lib/\` function as the API. The Playwright suite also posts to some of them as a
viewer through the real server (\`e2e/server-actions.spec.ts\`).

${table(ACTION_COLUMNS, ACTION_MATRIX, "action")}
`;
}
