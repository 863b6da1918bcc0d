import { beforeAll, describe, expect, it } from "vitest";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { createSession, SESSION_COOKIE } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { DEMO_LOGINS, DEMO_SECRETS } from "@/lib/demo/seed-demo-data";
import { actorFor } from "@/test/actors";
import { deadCredentials } from "@/test/tokens";
import { GET as health } from "./health/route";
import { GET as me } from "./me/route";
import { GET as projectDetail } from "./projects/[projectSlug]/route";
import { GET as projects } from "./projects/route";

// The /api/v1 read endpoints, called as Next calls them, with real tokens against the demo data.

// Every handler accepts these params; the routes without a dynamic segment ignore them.
type Params = { projectSlug: string };
type Handler = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const tokens = new Map<string, string>();
let revokedToken = "";
let expiredToken = "";

interface CallOptions {
  token?: string;
  headers?: Record<string, string>;
  params?: Params;
}

async function call(handler: Handler, path: string, options: CallOptions = {}) {
  const headers = new Headers(options.headers);
  if (options.token !== undefined) headers.set("authorization", `Bearer ${options.token}`);
  const response = await handler(new Request(`http://ferry.test${path}`, { headers }), {
    params: Promise.resolve(options.params ?? { projectSlug: "" }),
  });
  const text = await response.text();
  // No response of any kind may carry a stored secret, an encrypted column or a database id.
  for (const secret of Object.values(DEMO_SECRETS)) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/Encrypted|passwordHash|tokenHash/);
  expect(text).not.toMatch(UUID);
  return {
    status: response.status,
    body: JSON.parse(text) as Record<string, unknown> & { error?: { code: string; message: string } },
  };
}

const endpoints: { name: string; handler: Handler; path: string; params?: Params }[] = [
  { name: "GET /api/v1/me", handler: me, path: "/api/v1/me" },
  { name: "GET /api/v1/projects", handler: projects, path: "/api/v1/projects" },
  {
    name: "GET /api/v1/projects/{slug}",
    handler: projectDetail,
    path: "/api/v1/projects/sales-analytics?tenant=acme",
    params: { projectSlug: "sales-analytics" },
  },
];

beforeAll(async () => {
  for (const { email } of DEMO_LOGINS) {
    const actor = await actorFor(email);
    tokens.set(email, (await createAccessToken({ userId: actor.userId, name: "api test" })).token);
  }
  ({ revokedToken, expiredToken } = await deadCredentials("lead@acme.test"));
});

describe.each(endpoints)("$name", ({ handler, path, params }) => {
  it("answers 401 in the error shape without a valid token", async () => {
    const forged = `ferry_pat_${"A".repeat(43)}`;
    const attempts: CallOptions[] = [
      {},
      { token: forged },
      { token: "not-a-ferry-token" },
      { token: revokedToken },
      { token: expiredToken },
      { headers: { authorization: "Basic abc" } },
      { headers: { cookie: `${SESSION_COOKIE}=forged` } },
    ];
    for (const attempt of attempts) {
      const { status, body } = await call(handler, path, { ...attempt, params });
      expect(status).toBe(401);
      expect(body.error).toMatchObject({ code: "UNAUTHENTICATED", message: expect.any(String) });
    }
  });

  it("answers each demo role", async () => {
    for (const { email } of DEMO_LOGINS) {
      const { status, body } = await call(handler, path, { token: tokens.get(email), params });
      const hidden = handler === projectDetail && email === "admin@globex.test";
      expect(status, email).toBe(hidden ? 404 : 200);
      if (hidden) expect(body.error?.code).toBe("NOT_FOUND");
    }
  });
});

describe("GET /api/v1/me", () => {
  it("describes the caller and their tenants", async () => {
    const { body } = await call(me, "/api/v1/me", { token: tokens.get("admin@acme.test") });
    expect(body).toEqual({
      email: "admin@acme.test",
      name: "Ada Admin",
      isSystemAdmin: false,
      tenants: [{ slug: "acme", name: "Acme Corp", role: "TENANT_ADMIN" }],
    });
    expect((await call(me, "/api/v1/me", { token: tokens.get("root@ferry.test") })).body).toMatchObject({
      isSystemAdmin: true,
      tenants: [],
    });
  });

  it("accepts the browser session cookie too", async () => {
    const lead = await actorFor("lead@acme.test");
    const session = await createSession(lead.userId);
    const { status, body } = await call(me, "/api/v1/me", {
      headers: { cookie: `${SESSION_COOKIE}=${session.token}` },
    });
    expect(status).toBe(200);
    expect(body.email).toBe("lead@acme.test");
  });
});

describe("GET /api/v1/projects", () => {
  const slugs = async (email: string, query = "") => {
    const { status, body } = await call(projects, `/api/v1/projects${query}`, { token: tokens.get(email) });
    return status === 200
      ? (body.projects as { tenant: string; slug: string; role: string }[]).map(
          (p) => `${p.tenant}/${p.slug}:${p.role}`,
        )
      : body.error?.code;
  };

  it("lists the projects each role may see", async () => {
    expect(await slugs("root@ferry.test")).toEqual([
      "acme/marketing-dev:ADMIN",
      "acme/sales-analytics:ADMIN",
      "globex/finance:ADMIN",
    ]);
    expect(await slugs("root@ferry.test", "?tenant=globex")).toEqual(["globex/finance:ADMIN"]);
    expect(await slugs("lead@acme.test")).toEqual(["acme/sales-analytics:ADMIN"]);
    expect(await slugs("analyst@acme.test", "?tenant=acme")).toEqual(["acme/sales-analytics:VIEWER"]);
  });

  it("hides other tenants (404) and refuses a malformed query (400)", async () => {
    expect(await slugs("admin@acme.test", "?tenant=globex")).toBe("NOT_FOUND");
    expect(await slugs("admin@acme.test", "?tenant=")).toBe("INVALID_OPTIONS");
  });
});

describe("GET /api/v1/projects/{projectSlug}", () => {
  const detail = (email: string, query = "", projectSlug = "sales-analytics") =>
    call(projectDetail, `/api/v1/projects/${projectSlug}${query}`, {
      token: tokens.get(email),
      params: { projectSlug },
    });

  it("returns the whole project by natural keys, with secrets reduced to flags", async () => {
    const { status, body } = await detail("lead@acme.test");
    expect(status).toBe(200);
    expect(body.project).toEqual({
      tenant: "acme",
      slug: "sales-analytics",
      displayName: "Sales Analytics",
      active: true,
      role: "ADMIN",
      reference: null,
    });
    const models = body.models as {
      slug: string;
      connectionName: string;
      versionCount: number;
      deployedVersion: number | null;
      aggregates: unknown[];
    }[];
    expect(models.map((m) => m.slug)).toEqual([
      "customers",
      "order-items",
      "orders",
      "products",
      "returns",
      "web-sessions",
    ]);
    expect(models.find((m) => m.slug === "orders")).toMatchObject({
      connectionName: "warehouse-pg",
      versionCount: 4,
      deployedVersion: 3,
      aggregates: [
        { name: "daily_revenue", status: "READY" },
        { name: "revenue_by_channel", status: "FAILED" },
      ],
    });
    expect(body.connections).toEqual([
      {
        name: "bq-events",
        type: "bigquery",
        config: { projectId: "acme-events", dataset: "web", location: "EU" },
        status: "ACTIVE",
        hasSecret: true,
      },
      expect.objectContaining({ name: "snowflake-prod", type: "snowflake", hasSecret: true }),
      expect.objectContaining({ name: "warehouse-pg", type: "postgres", hasSecret: true }),
    ]);
    expect(body.llmConfigs).toEqual([
      {
        name: "judge",
        provider: "anthropic",
        model: "claude-sonnet-4",
        endpoint: null,
        params: { temperature: 0, maxTokens: 1024 },
        status: "ACTIVE",
        hasApiKey: true,
      },
      expect.objectContaining({ name: "primary", provider: "openai", hasApiKey: true }),
    ]);
    expect(body.agent).toMatchObject({
      webhookUrl: "https://hooks.acme.test/ferry/agent",
      modelContexts: expect.arrayContaining([{ model: "orders", context: expect.any(String) }]),
    });
    expect((body.recipes as { slug: string }[]).map((r) => r.slug)).toEqual(["return-rate", "revenue-per-session"]);
    expect((body.settings as unknown[]).length).toBe(11);
    expect(body.accessBindings).toEqual([
      { email: "analyst@acme.test", role: "VIEWER", model: null },
      { email: "analyst@acme.test", role: "EDITOR", model: "web-sessions" },
      { email: "lead@acme.test", role: "ADMIN", model: null },
    ]);
  });

  it("reports pending credentials as such", async () => {
    await db.connection.updateMany({
      where: { name: "snowflake-prod" },
      data: { secretEncrypted: null, status: "PENDING_CREDENTIALS" },
    });
    const { body } = await detail("admin@acme.test");
    expect(body.connections).toContainEqual(
      expect.objectContaining({ name: "snowflake-prod", status: "PENDING_CREDENTIALS", hasSecret: false }),
    );
  });

  it("uses the caller's only tenant, and otherwise asks for one", async () => {
    expect((await detail("analyst@acme.test")).body.project).toMatchObject({ tenant: "acme", role: "VIEWER" });
    expect((await detail("root@ferry.test")).body.error?.code).toBe("INVALID_OPTIONS");
    expect((await detail("root@ferry.test", "?tenant=globex", "finance")).status).toBe(200);
  });

  it("answers 404 for projects the caller cannot see or that do not exist", async () => {
    expect((await detail("analyst@acme.test", "", "marketing-dev")).body.error?.code).toBe("PROJECT_NOT_FOUND");
    expect((await detail("admin@globex.test", "", "sales-analytics")).status).toBe(404);
    expect((await detail("admin@globex.test", "?tenant=acme")).status).toBe(404);
    expect((await detail("lead@acme.test", "", "no-such-project")).status).toBe(404);
  });
});

describe("GET /api/v1/health", () => {
  it("answers without authentication once the database does", async () => {
    const { status, body } = await call(health, "/api/v1/health");
    expect(status).toBe(200);
    expect(body).toEqual({ status: "ok" });
  });
});
