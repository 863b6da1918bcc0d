import fs from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Server actions read the session cookie through next/headers, which only exists inside a Next
// request. Here it is a jar the test fills per call, so the real action code runs — argument
// checks, authentication, the lib call and its role check — with each caller's real session.
const jar = vi.hoisted(() => ({ session: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.session ? { name, value: jar.session } : undefined),
    set: () => undefined,
    delete: () => undefined,
  }),
  headers: async () => new Headers({ "x-forwarded-for": "198.51.100.23" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

import { signInAction, signOutAction } from "@/app/(auth)/login/actions";
import { createAccessTokenAction, revokeAccessTokenAction } from "@/app/(workspace)/settings/actions";
import { createProjectAction } from "@/app/(workspace)/t/[tenant]/actions";
import { deleteConnectionAction, saveConnectionAction } from "@/app/(workspace)/t/[tenant]/connections/actions";
import { checkPassphraseAction } from "@/app/(workspace)/t/[tenant]/import/actions";
import {
  changeAccessRoleAction,
  grantAccessAction,
  revokeAccessAction,
} from "@/app/(workspace)/t/[tenant]/p/[project]/access/actions";
import {
  deployModelVersionAction,
  deployAllAction,
  refreshAction,
  saveModelVersionAction,
} from "@/app/(workspace)/t/[tenant]/p/[project]/actions";
import { saveAgentConfigAction } from "@/app/(workspace)/t/[tenant]/p/[project]/agent/actions";
import {
  linkConnectionAction,
  unlinkConnectionAction,
} from "@/app/(workspace)/t/[tenant]/p/[project]/connections/actions";
import {
  listExportDependenciesAction,
  prepareExportAction,
} from "@/app/(workspace)/t/[tenant]/p/[project]/export-actions";
import { deleteLlmConfigAction, saveLlmConfigAction } from "@/app/(workspace)/t/[tenant]/p/[project]/llm/actions";
import { deleteRecipeAction, saveRecipeAction } from "@/app/(workspace)/t/[tenant]/p/[project]/recipes/actions";
import {
  deleteSettingAction,
  saveSettingAction,
  updateProjectAction,
} from "@/app/(workspace)/t/[tenant]/p/[project]/settings/actions";
import { POST as mcpRoute } from "@/app/api/mcp/route";
import { GET as bundleSchema } from "@/app/api/v1/bundle-schema.json/route";
import { GET as redeemExport } from "@/app/api/v1/exports/[token]/route";
import { POST as planImport } from "@/app/api/v1/projects/import/plan/route";
import { GET as tenantHistory } from "@/app/api/v1/history/route";
import { GET as projectHistory } from "@/app/api/v1/projects/[projectSlug]/history/route";
import { GET as storedImport } from "@/app/api/v1/projects/[projectSlug]/history/[importId]/route";
import { POST as tickChecklist } from "@/app/api/v1/projects/[projectSlug]/history/[importId]/checklist/[item]/route";
import { GET as listSnapshotsRoute } from "@/app/api/v1/projects/[projectSlug]/snapshots/route";
import { POST as restoreRoute } from "@/app/api/v1/projects/[projectSlug]/snapshots/[snapshotId]/restore/route";
import {
  GET as downloadSnapshotGet,
  POST as downloadSnapshotPost,
} from "@/app/api/v1/projects/[projectSlug]/snapshots/[snapshotId]/download/route";
import { POST as deployAllRoute } from "@/app/api/v1/projects/[projectSlug]/deploy-all/route";
import { POST as refreshRoute } from "@/app/api/v1/projects/[projectSlug]/refresh/route";
import { POST as duplicateRoute } from "@/app/api/v1/projects/[projectSlug]/duplicate/route";
import { duplicateProjectAction } from "@/app/(workspace)/t/[tenant]/p/[project]/duplicate-actions";
import { detachProjectAction } from "@/app/(workspace)/t/[tenant]/p/[project]/reference-actions";
import { POST as detachRoute } from "@/app/api/v1/projects/[projectSlug]/detach/route";
import { parseBundleText } from "@/lib/bundle/parse-bundle";
import type { Bundle } from "@/lib/bundle/schema";
import { OPTIONAL_SECTIONS } from "@/lib/bundle/sections";
import { prepareExport, readAll } from "@/lib/export/export-project";
import { importProject as importProjectBundle } from "@/lib/import/import-project";
import { tenantHistoryAction } from "@/app/(workspace)/t/[tenant]/history/actions";
import {
  planRestoreAction,
  projectHistoryAction,
  restoreSnapshotAction,
  storedImportAction,
  tickChecklistItemAction,
} from "@/app/(workspace)/t/[tenant]/p/[project]/history/actions";
import { withPgTransaction } from "@/lib/database/pg-transaction";
import { takeSnapshot } from "@/lib/history/snapshots";
import { GET as health } from "@/app/api/v1/health/route";
import { GET as openApiDocument } from "@/app/api/v1/openapi.json/route";
import { GET as me } from "@/app/api/v1/me/route";
import { POST as exportModel } from "@/app/api/v1/projects/[projectSlug]/models/[modelSlug]/export/route";
import { POST as importModel } from "@/app/api/v1/projects/[projectSlug]/models/import/route";
import { POST as exportProject } from "@/app/api/v1/projects/[projectSlug]/export/route";
import { GET as projectDetail } from "@/app/api/v1/projects/[projectSlug]/route";
import { POST as previewImport } from "@/app/api/v1/projects/import/preview/route";
import { POST as importProject } from "@/app/api/v1/projects/import/route";
import { GET as listProjects } from "@/app/api/v1/projects/route";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { createSession, SESSION_COOKIE } from "@/lib/auth/sessions";
import { createBundleEncryption } from "@/lib/bundle/bundle-crypto";
import { serializeBundle } from "@/lib/bundle/canonical-json";
import { db } from "@/lib/db";
import { DEMO_PASSWORD } from "@/lib/demo/seed-demo-data";
import { createConnection, createLlmConfig } from "@/lib/demo/factories";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { createExportTicket } from "@/lib/export/export-tickets";
import type { ActionResult } from "@/lib/http/action-result";
import { actorFor } from "@/test/actors";
import { apiRouteHandlers, walk } from "@/test/api-routes";
import { bundleForm } from "@/test/bundle-form";
import { bareBundle } from "@/test/bundles";
import { expectNoSecrets } from "@/test/no-secrets";
import { deadCredentials, expiredSession as newExpiredSession } from "@/test/tokens";
import { ACTION_COLUMNS, ACTION_MATRIX, API_COLUMNS, API_MATRIX, rowKey, type MatrixRow } from "./matrix";
import { renderAuthorizationDoc } from "./render-doc";

// Calls every cell of the authorization matrix (./matrix.ts) for real and compares the status.
// Calls that succeed change data, so each cell prepares its own objects (a numbered connection,
// user, setting…) and successful imports and creations use numbered slugs.

const ROLES = ["root@ferry.test", "admin@acme.test", "lead@acme.test", "analyst@acme.test", "admin@globex.test"];
const LEAD = "lead@acme.test";

interface Target {
  tenant: string;
  project: string;
  model: string;
  /** Exports: "… with credentials" asks for them under a passphrase (SPEC §6, who may carry secrets out). */
  credentials: boolean;
}
/** "tenant acme", "acme/sales-analytics" or "acme/sales-analytics/orders", optionally "… with credentials". */
function target(text: string): Target {
  if (text.startsWith("tenant ")) return { tenant: text.slice(7), project: "", model: "", credentials: false };
  const [tenant = "", project = "", model = ""] = text.split(" ")[0]!.split("/");
  return { tenant, project, model, credentials: text.endsWith(" with credentials") };
}
const exportOptions = (t: Target) =>
  t.credentials ? { includeCredentials: true, passphrase: "authorization matrix" } : {};
/** A model of the project that references stay valid against (recipes, agent contexts). */
const MODEL_OF: Record<string, string> = {
  "sales-analytics": "orders",
  "sales-reference": "orders",
  "marketing-dev": "campaigns",
  finance: "ledger",
};

let cell = 0;
const tokens: Record<string, string> = {};
const sessions: Record<string, string> = {};
let revokedToken = "";
let expiredToken = "";
let expiredSession = "";
let encryption: unknown;

beforeAll(async () => {
  for (const email of ROLES) {
    const actor = await actorFor(email);
    tokens[email] = (await createAccessToken({ userId: actor.userId, name: "authorization matrix" })).token;
    sessions[email] = (await createSession(actor.userId)).token;
  }
  ({ revokedToken, expiredToken, expiredSession } = await deadCredentials(LEAD));
  encryption = (await createBundleEncryption("authorization passphrase")).encryption;
  // The reference project of the matrix's reference dimension: sales-analytics with its bindings.
  const root = await actorFor("root@ferry.test");
  const prepared = await prepareExport({
    actor: root,
    tenantSlug: "acme",
    projectSlug: "sales-analytics",
    options: { sections: OPTIONAL_SECTIONS },
  });
  const sales = parseBundleText(await readAll(prepared.open())) as Bundle;
  await importProjectBundle({
    actor: root,
    bundle: sales,
    options: {
      mode: "create",
      tenant: "acme",
      projectSlug: "sales-reference",
      reference: true,
      connectionMapping: Object.fromEntries(
        (sales.connections ?? []).map((c) => [c.name, { action: "map" as const, target: c.name }]),
      ),
    },
  });
});

/** A new reference project in the target's tenant (detach cells: each detaches its own). */
async function freshReference(t: Target, n: number): Promise<string> {
  const slug = `authz-ref-${n}`;
  await importProjectBundle({
    actor: await actorFor("root@ferry.test"),
    bundle: parseBundleText(projectBundle()) as Bundle,
    options: { mode: "create", tenant: t.tenant, projectSlug: slug, reference: true },
  });
  return slug;
}
/** The project a cell acts on: a fresh reference project for "fresh-reference". */
const projectFor = async (t: Target, n: number) => (t.project === "fresh-reference" ? freshReference(t, n) : t.project);

// ── Fixtures made per cell ──────────────────────────────────────────────────────────────────

const ids = new Map<string, string>();
async function tenantId(slug: string): Promise<string> {
  if (!ids.has(slug)) ids.set(slug, (await db.tenant.findUniqueOrThrow({ where: { slug } })).id);
  return ids.get(slug)!;
}
async function projectId(t: Target): Promise<string> {
  const key = `${t.tenant}/${t.project}`;
  if (!ids.has(key))
    ids.set(key, (await db.project.findFirstOrThrow({ where: { slug: t.project, tenant: { slug: t.tenant } } })).id);
  return ids.get(key)!;
}
async function freshConnection(t: Target, n: number, linked = false): Promise<string> {
  const connection = await createConnection(db, {
    tenantId: await tenantId(t.tenant),
    name: `authz-conn-${n}`,
    type: "postgres",
    config: { host: "authz.internal" },
  });
  if (linked)
    await db.projectConnection.create({ data: { projectId: await projectId(t), connectionId: connection.id } });
  return connection.name;
}
async function freshMember(t: Target, n: number): Promise<string> {
  const user = await db.user.create({
    data: { email: `authz-${n}@${t.tenant}.test`, name: `Authz ${n}`, passwordHash: "!" },
  });
  await db.membership.create({ data: { tenantId: await tenantId(t.tenant), userId: user.id, role: "MEMBER" } });
  return user.email;
}
async function freshBinding(t: Target, n: number): Promise<string> {
  const email = await freshMember(t, n);
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  await db.accessBinding.create({ data: { projectId: await projectId(t), userId: user.id, role: "VIEWER" } });
  return email;
}

/** A snapshot and a stored import result of the target project, made once (history, restore, checklist). */
const historyFixtures = new Map<string, { snapshotId: string; importId: string }>();
async function historyOf(t: Target): Promise<{ snapshotId: string; importId: string }> {
  const key = `${t.tenant}/${t.project}`;
  if (!historyFixtures.has(key)) {
    const id = await projectId(t);
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: t.tenant } });
    const snapshot = await withPgTransaction((client) =>
      takeSnapshot({
        client,
        tenantId: tenant.id,
        tenantSlug: tenant.slug,
        projectId: id,
        wrappedDataKey: tenant.wrappedDataKey,
        actorEmail: "root@ferry.test",
        reason: "project.import",
        mode: "merge",
      }),
    );
    const record = await db.importRecord.create({
      data: {
        tenantId: tenant.id,
        projectId: id,
        actorEmail: "root@ferry.test",
        action: "project.import",
        mode: "merge",
        snapshotId: snapshot.id,
        source: {},
        result: { requiredActions: [{ kind: "retest-agent", message: "Re-test the agent.", href: "/" }] },
      },
    });
    historyFixtures.set(key, { snapshotId: snapshot.id, importId: record.id });
  }
  return historyFixtures.get(key)!;
}

const projectBundle = () => serializeBundle(bareBundle());
const modelBundle = () => {
  const base = bareBundle();
  return serializeBundle({ ...base, scope: "model", models: [base.models[0]!] });
};

// ── API cells ───────────────────────────────────────────────────────────────────────────────

interface ApiCall {
  path: string;
  /** Calls the route handler as Next does, with the route's params. */
  send: (request: Request) => Promise<Response>;
  body?: BodyInit;
  json?: unknown;
  headers?: Record<string, string>;
  /** An MCP call: a tool error's code gives the cell's status (the HTTP answer is 200). */
  mcp?: boolean;
}
function send<P>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  params: P,
): ApiCall["send"] {
  return (request) => handler(request, { params: Promise.resolve(params) });
}

/** A tool's arguments for a matrix target (the same calls as the routes' cells). */
async function mcpArguments(tool: string, t: Target, n: number): Promise<Record<string, unknown>> {
  const project = { tenant: t.tenant, projectSlug: t.project };
  switch (tool) {
    case "list_projects":
      return { tenant: t.tenant };
    case "export_project":
      return { ...project, stable: true };
    case "list_history":
      return t.project ? project : { tenant: t.tenant };
    case "preview_import":
      return { bundle: projectBundle(), tenant: t.tenant };
    case "plan_import":
    case "import_bundle":
      return { bundle: projectBundle(), options: { mode: "create", tenant: t.tenant, projectSlug: `authz-mcp-${n}` } };
    case "restore_snapshot":
      return { ...project, snapshotId: (await historyOf(t)).snapshotId, dryRun: true };
    default:
      return project;
  }
}

/** A JSON-RPC answer of /api/mcp as a cell: a tool error counts as its code's status. */
function mcpAnswer(text: string): { status: number; body?: unknown } {
  const message = JSON.parse(text) as {
    result?: { isError?: boolean; content?: { type: string; text?: string }[] };
    error?: { code: number; message: string };
  };
  if (message.error) throw new Error(`JSON-RPC error ${message.error.code}: ${message.error.message}`);
  if (!message.result?.isError) return { status: 200 };
  // A tool error's second text block is the API's error body.
  const body = JSON.parse(message.result.content?.[1]?.text ?? "null") as { error: { code: ErrorCode } } | null;
  if (!body) throw new Error(`A tool error without the API's error body: ${text}`);
  return { status: ERROR_STATUS[body.error.code], body };
}

const API_CALLS: Record<string, (t: Target, n: number, text: string) => Promise<ApiCall> | ApiCall> = {
  "GET /api/v1/health": () => ({ path: "/api/v1/health", send: send(health, {}) }),
  "GET /api/v1/bundle-schema.json": () => ({
    path: "/api/v1/bundle-schema.json",
    send: () => Promise.resolve(bundleSchema()),
  }),
  "GET /api/v1/openapi.json": () => ({
    path: "/api/v1/openapi.json",
    send: () => Promise.resolve(openApiDocument()),
  }),
  "GET /api/v1/me": () => ({ path: "/api/v1/me", send: send(me, {}) }),
  "GET /api/v1/projects": (t) => ({ path: `/api/v1/projects?tenant=${t.tenant}`, send: send(listProjects, {}) }),
  "GET /api/v1/projects/{projectSlug}": (t) => ({
    path: `/api/v1/projects/${t.project}?tenant=${t.tenant}`,
    send: send(projectDetail, { projectSlug: t.project }),
  }),
  "POST /api/v1/projects/{projectSlug}/export": (t) => ({
    path: `/api/v1/projects/${t.project}/export?tenant=${t.tenant}`,
    send: send(exportProject, { projectSlug: t.project }),
    json: { stable: true, ...exportOptions(t) },
  }),
  "POST /api/v1/projects/{projectSlug}/models/{modelSlug}/export": (t) => ({
    path: `/api/v1/projects/${t.project}/models/${t.model}/export?tenant=${t.tenant}`,
    send: send(exportModel, { projectSlug: t.project, modelSlug: t.model }),
    json: exportOptions(t),
  }),
  "POST /api/v1/projects/import/preview": (t) => ({
    path: `/api/v1/projects/import/preview?tenant=${t.tenant}`,
    send: send(previewImport, {}),
    body: projectBundle(),
  }),
  // With a project: a replace of it by a bundle from another source (a reference refuses it).
  "POST /api/v1/projects/import": (t, n) => ({
    path: "/api/v1/projects/import",
    send: send(importProject, {}),
    body: bundleForm(
      projectBundle(),
      t.project
        ? { mode: "replace", tenant: t.tenant, projectSlug: t.project }
        : { mode: "create", tenant: t.tenant, projectSlug: `authz-api-${n}` },
    ),
  }),
  "POST /api/v1/projects/import/plan": (t, n) => ({
    path: "/api/v1/projects/import/plan",
    send: send(planImport, {}),
    body: bundleForm(
      projectBundle(),
      t.project
        ? { mode: "replace", tenant: t.tenant, projectSlug: t.project }
        : { mode: "create", tenant: t.tenant, projectSlug: `authz-plan-${n}` },
    ),
  }),
  "POST /api/v1/projects/{projectSlug}/detach": async (t, n) => {
    const project = await projectFor(t, n);
    return {
      path: `/api/v1/projects/${project}/detach?tenant=${t.tenant}`,
      send: send(detachRoute, { projectSlug: project }),
    };
  },
  "POST /api/v1/projects/{projectSlug}/models/import": (t, n) => ({
    path: `/api/v1/projects/${t.project}/models/import?tenant=${t.tenant}`,
    send: send(importModel, { projectSlug: t.project }),
    body: bundleForm(modelBundle(), { modelSlugOverrides: { customers: `authz-model-${n}` } }),
  }),
  "GET /api/v1/history": (t) => ({ path: `/api/v1/history?tenant=${t.tenant}`, send: send(tenantHistory, {}) }),
  "GET /api/v1/projects/{projectSlug}/history": (t) => ({
    path: `/api/v1/projects/${t.project}/history?tenant=${t.tenant}`,
    send: send(projectHistory, { projectSlug: t.project }),
  }),
  "GET /api/v1/projects/{projectSlug}/history/{importId}": async (t) => {
    const { importId } = await historyOf(t);
    return {
      path: `/api/v1/projects/${t.project}/history/${importId}?tenant=${t.tenant}`,
      send: send(storedImport, { projectSlug: t.project, importId }),
    };
  },
  "POST /api/v1/projects/{projectSlug}/history/{importId}/checklist/{item}": async (t) => {
    const { importId } = await historyOf(t);
    return {
      path: `/api/v1/projects/${t.project}/history/${importId}/checklist/0?tenant=${t.tenant}`,
      send: send(tickChecklist, { projectSlug: t.project, importId, item: "0" }),
      json: { done: true },
    };
  },
  "GET /api/v1/projects/{projectSlug}/snapshots": (t) => ({
    path: `/api/v1/projects/${t.project}/snapshots?tenant=${t.tenant}`,
    send: send(listSnapshotsRoute, { projectSlug: t.project }),
  }),
  "POST /api/v1/projects/{projectSlug}/snapshots/{snapshotId}/restore": async (t) => {
    const { snapshotId } = await historyOf(t);
    return {
      path: `/api/v1/projects/${t.project}/snapshots/${snapshotId}/restore?tenant=${t.tenant}`,
      send: send(restoreRoute, { projectSlug: t.project, snapshotId }),
      json: { dryRun: true },
    };
  },
  "GET /api/v1/projects/{projectSlug}/snapshots/{snapshotId}/download": async (t) => {
    const { snapshotId } = await historyOf(t);
    return {
      path: `/api/v1/projects/${t.project}/snapshots/${snapshotId}/download?tenant=${t.tenant}`,
      send: send(downloadSnapshotGet, { projectSlug: t.project, snapshotId }),
    };
  },
  "POST /api/v1/projects/{projectSlug}/snapshots/{snapshotId}/download": async (t) => {
    const { snapshotId } = await historyOf(t);
    return {
      path: `/api/v1/projects/${t.project}/snapshots/${snapshotId}/download?tenant=${t.tenant}`,
      send: send(downloadSnapshotPost, { projectSlug: t.project, snapshotId }),
      json: t.credentials ? { includeCredentials: true, passphrase: "authorization matrix" } : {},
    };
  },
  "POST /api/v1/projects/{projectSlug}/deploy-all": async (t) => {
    await historyOf(t);
    return {
      path: `/api/v1/projects/${t.project}/deploy-all?tenant=${t.tenant}`,
      send: send(deployAllRoute, { projectSlug: t.project }),
      json: {},
    };
  },
  "POST /api/v1/projects/{projectSlug}/duplicate": (t, n) => ({
    path: `/api/v1/projects/${t.project}/duplicate?tenant=${t.tenant}`,
    send: send(duplicateRoute, { projectSlug: t.project }),
    json: { slug: `authz-dup-${n}`, dryRun: true },
  }),
  "POST /api/v1/projects/{projectSlug}/refresh": (t) => ({
    path: `/api/v1/projects/${t.project}/refresh?tenant=${t.tenant}`,
    send: send(refreshRoute, { projectSlug: t.project }),
    json: {},
  }),
  "POST /api/mcp": async (_, n, text) => {
    const [tool = "", ...rest] = text.split(" ");
    return {
      path: "/api/mcp",
      send: send(mcpRoute, {}),
      headers: { accept: "application/json, text/event-stream" },
      mcp: true,
      json:
        tool === "tools/list"
          ? { jsonrpc: "2.0", id: n, method: "tools/list" }
          : {
              jsonrpc: "2.0",
              id: n,
              method: "tools/call",
              params: { name: tool, arguments: await mcpArguments(tool, target(rest.join(" ")), n) },
            },
    };
  },
  "GET /api/v1/exports/{token}": async (t) => {
    const ticket = await createExportTicket({
      actor: await actorFor(LEAD),
      tenantSlug: t.tenant,
      projectSlug: t.project,
      options: {},
    });
    return { path: ticket.url, send: send(redeemExport, { token: ticket.url.split("/").at(-1)! }) };
  },
};

/** Credentials of each API column, in API_COLUMNS order. */
function apiHeaders(column: number): Record<string, string> {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const columns: Record<string, string>[] = [
    {},
    bearer(revokedToken),
    bearer(expiredToken),
    { cookie: `${SESSION_COOKIE}=${expiredSession}` },
    ...ROLES.map((email) => bearer(tokens[email]!)),
  ];
  return columns[column]!;
}

async function apiStatus(row: MatrixRow, column: number, n: number): Promise<number> {
  const call = await API_CALLS[row.surface]!(target(row.target), n, row.target);
  const headers = new Headers({ ...call.headers, ...apiHeaders(column) });
  let body = call.body;
  if (call.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(call.json);
  }
  const method = row.surface.split(" ")[0]!;
  const response = await call.send(new Request(`http://ferry.test${call.path}`, { method, headers, body }));
  const text = await response.text();
  // Every answer of the matrix, allowed or refused, is also checked for secrets.
  expectNoSecrets(text);
  const answer = call.mcp && response.status === 200 ? mcpAnswer(text) : { status: response.status };
  const status = answer.status;
  if (status !== 200)
    expect(answer.body ?? JSON.parse(text), `${rowKey(row)} ${API_COLUMNS[column]}`).toMatchObject({
      error: { code: expect.any(String), message: expect.any(String) },
    });
  return status;
}

// ── Server-action cells ─────────────────────────────────────────────────────────────────────

type Ref = { tenantSlug: string; projectSlug: string };
const ref = (t: Target): Ref => ({ tenantSlug: t.tenant, projectSlug: t.project });
const modelRef = (t: Target) => ({ ...ref(t), modelSlug: t.model });

const ACTION_CALLS: Record<string, (t: Target, n: number) => Promise<unknown>> = {
  signInAction: () => signInAction({ email: LEAD, password: DEMO_PASSWORD }),
  signOutAction: () => signOutAction(),
  createAccessTokenAction: () => createAccessTokenAction({ name: "authorization matrix" }),
  revokeAccessTokenAction: async () =>
    revokeAccessTokenAction(
      (await createAccessToken({ userId: (await actorFor(LEAD)).userId, name: "to revoke" })).summary.id,
    ),
  checkPassphraseAction: (t) =>
    checkPassphraseAction(encryption, "authorization passphrase", t.tenant === "any" ? undefined : t.tenant),
  createProjectAction: (t, n) =>
    createProjectAction(t.tenant, { slug: `authz-project-${n}`, displayName: `Authz ${n}` }),
  saveConnectionAction: (t, n) =>
    saveConnectionAction(t.tenant, null, {
      name: `authz-new-${n}`,
      type: "postgres",
      config: { host: "authz.internal", port: "5432", database: "authz", user: "authz" },
      options: "",
      secret: "",
      clearSecret: false,
    }),
  deleteConnectionAction: async (t, n) => deleteConnectionAction(t.tenant, await freshConnection(t, n)),
  detachProjectAction: async (t, n) => detachProjectAction({ ...ref(t), projectSlug: await projectFor(t, n) }),
  duplicateProjectAction: (t, n) => duplicateProjectAction(ref(t), { slug: `authz-dup-action-${n}`, dryRun: true }),
  prepareExportAction: (t) => prepareExportAction(t.model ? modelRef(t) : ref(t), exportOptions(t)),
  listExportDependenciesAction: (t) => listExportDependenciesAction({ ...ref(t), modelSlug: t.model! }),
  updateProjectAction: async (t) =>
    updateProjectAction(ref(t), {
      displayName: (await db.project.findUniqueOrThrow({ where: { id: await projectId(t) } })).displayName,
      active: true,
    }),
  linkConnectionAction: async (t, n) => linkConnectionAction(ref(t), await freshConnection(t, n)),
  unlinkConnectionAction: async (t, n) => unlinkConnectionAction(ref(t), await freshConnection(t, n, true)),
  saveLlmConfigAction: (t, n) =>
    saveLlmConfigAction(ref(t), null, {
      name: `authz-llm-${n}`,
      provider: "openai",
      model: "gpt-4.1",
      endpoint: "",
      params: "{}",
      apiKey: "",
      clearApiKey: false,
    }),
  deleteLlmConfigAction: async (t, n) => {
    const config = await createLlmConfig(db, {
      tenantId: await tenantId(t.tenant),
      projectId: await projectId(t),
      name: `authz-llm-${n}`,
      provider: "openai",
      model: "gpt-4.1",
      params: {},
    });
    return deleteLlmConfigAction(ref(t), config.name);
  },
  saveAgentConfigAction: (t) =>
    saveAgentConfigAction(ref(t), {
      persona: "Authorization matrix.",
      rubrics: [{ name: "accuracy", criteria: "Right numbers.", weight: 1 }],
      modelContexts: [{ model: MODEL_OF[t.project]!, context: "Context." }],
      webhookUrl: "",
    }),
  saveRecipeAction: (t, n) => {
    const model = MODEL_OF[t.project]!;
    return saveRecipeAction(ref(t), null, {
      slug: `authz-recipe-${n}`,
      name: `Authz ${n}`,
      definition: JSON.stringify({ models: [model], steps: [{ measure: `${model}.total` }] }),
    });
  },
  deleteRecipeAction: async (t, n) => {
    const recipe = await db.recipe.create({
      data: {
        projectId: await projectId(t),
        slug: `authz-recipe-${n}`,
        name: "Authz",
        definition: { models: [MODEL_OF[t.project]!], steps: [] },
      },
    });
    return deleteRecipeAction(ref(t), recipe.slug);
  },
  refreshAction: (t) => refreshAction(t.model ? modelRef(t) : ref(t)),
  deployAllAction: async (t) => deployAllAction(ref(t), (await historyOf(t)).importId),
  tenantHistoryAction: (t) => tenantHistoryAction(t.tenant),
  projectHistoryAction: (t) => projectHistoryAction(ref(t)),
  storedImportAction: async (t) => storedImportAction(ref(t), (await historyOf(t)).importId),
  tickChecklistItemAction: async (t) => tickChecklistItemAction(ref(t), (await historyOf(t)).importId, 0, true),
  planRestoreAction: async (t) => planRestoreAction(ref(t), (await historyOf(t)).snapshotId),
  // A token that matches no plan: the allowed get PLAN_STALE (409) and nothing is restored.
  restoreSnapshotAction: async (t) => restoreSnapshotAction(ref(t), (await historyOf(t)).snapshotId, "0".repeat(64)),
  saveModelVersionAction: async (t) => {
    const model = await db.model.findFirstOrThrow({ where: { slug: t.model, projectId: await projectId(t) } });
    return saveModelVersionAction(modelRef(t), { draft: model.draft, message: "Authorization matrix" });
  },
  deployModelVersionAction: (t) => deployModelVersionAction(modelRef(t), 1),
  saveSettingAction: (t, n) => saveSettingAction(ref(t), null, { key: `authz.${n}`, value: "1" }),
  deleteSettingAction: async (t, n) => {
    await db.projectSetting.create({ data: { projectId: await projectId(t), key: `authz.${n}`, value: 1 } });
    return deleteSettingAction(ref(t), `authz.${n}`);
  },
  grantAccessAction: async (t, n) =>
    grantAccessAction(ref(t), { email: await freshMember(t, n), role: "VIEWER", modelSlug: "" }),
  changeAccessRoleAction: async (t, n) =>
    changeAccessRoleAction(ref(t), { email: await freshBinding(t, n), modelSlug: null, role: "EDITOR" }),
  revokeAccessAction: async (t, n) => revokeAccessAction(ref(t), { email: await freshBinding(t, n), modelSlug: null }),
};

/** The session cookie of each action column, in ACTION_COLUMNS order (fresh for sign-out, which ends it). */
async function actionSession(row: MatrixRow, column: number): Promise<string | undefined> {
  if (column === 0) return undefined;
  if (column === 1) return row.surface === "signOutAction" ? newExpiredSession(LEAD) : expiredSession;
  const email = ROLES[column - 2]!;
  return row.surface === "signOutAction"
    ? (await createSession((await actorFor(email)).userId)).token
    : sessions[email];
}

async function actionStatus(row: MatrixRow, column: number, n: number): Promise<number> {
  jar.session = await actionSession(row, column);
  const result = (await ACTION_CALLS[row.surface]!(target(row.target), n)) as ActionResult<unknown> | undefined;
  jar.session = undefined;
  expectNoSecrets(result ?? null);
  if (result === undefined || result.ok) return 200;
  return ERROR_STATUS[result.error.code as ErrorCode];
}

// ── The matrix ──────────────────────────────────────────────────────────────────────────────

function describeMismatches(rows: MatrixRow[], columns: readonly string[], actual: Map<string, number[]>): string[] {
  return rows.flatMap((row) => {
    const got = actual.get(rowKey(row))!;
    return row.expect.flatMap((expected, i) =>
      got[i] === expected ? [] : [`${rowKey(row)} as ${columns[i]}: expected ${expected}, got ${got[i]}`],
    );
  });
}

describe("authorization matrix", () => {
  it("covers every API route handler (/api/v1 and /api/mcp)", () => {
    const routes = apiRouteHandlers("app/api");
    expect([...new Set(API_MATRIX.map((r) => r.surface))].sort()).toEqual(routes.sort());
    expect(Object.keys(API_CALLS).sort()).toEqual([...new Set(routes)].sort());
  });

  it("covers every server action", () => {
    const actions = walk("app")
      .filter((file) => /\.tsx?$/.test(file) && /^["']use server["']/m.test(fs.readFileSync(file, "utf8")))
      .flatMap((file) => [...fs.readFileSync(file, "utf8").matchAll(/export async function (\w+)/g)].map((m) => m[1]!));
    expect([...new Set(ACTION_MATRIX.map((r) => r.surface))].sort()).toEqual(actions.sort());
    expect(Object.keys(ACTION_CALLS).sort()).toEqual(actions.sort());
  });

  it("answers every API route as the matrix says", async () => {
    const actual = new Map<string, number[]>();
    for (const row of API_MATRIX) {
      actual.set(rowKey(row), await Promise.all(API_COLUMNS.map((_, column) => apiStatus(row, column, ++cell))));
    }
    expect(describeMismatches(API_MATRIX, API_COLUMNS, actual)).toEqual([]);
  }, 240_000);

  it("answers every server action as the matrix says", async () => {
    const actual = new Map<string, number[]>();
    for (const row of ACTION_MATRIX) {
      const statuses: number[] = [];
      // One at a time: the cookie jar is shared by the whole process.
      for (const column of ACTION_COLUMNS.keys()) statuses.push(await actionStatus(row, column, ++cell));
      actual.set(rowKey(row), statuses);
    }
    expect(describeMismatches(ACTION_MATRIX, ACTION_COLUMNS, actual)).toEqual([]);
    // Hundreds of sequential cells (each a sign-in cookie and an action): minutes on a busy 2-core machine.
  }, 240_000);

  it("is what docs/authorization.md says (run `npm run docs:authorization` after changing the matrix)", () => {
    expect(fs.readFileSync("docs/authorization.md", "utf8")).toBe(renderAuthorizationDoc());
  });
});
