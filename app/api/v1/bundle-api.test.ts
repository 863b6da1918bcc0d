import { beforeAll, describe, expect, it } from "vitest";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { DEMO_SECRETS } from "@/lib/demo/seed-demo-data";
import { actorFor } from "@/test/actors";
import { dbFingerprint } from "@/test/db-fingerprint";
import { GET as bundleSchema } from "./bundle-schema.json/route";
import { POST as exportModel } from "./projects/[projectSlug]/models/[modelSlug]/export/route";
import { POST as importModel } from "./projects/[projectSlug]/models/import/route";
import { POST as exportProject } from "./projects/[projectSlug]/export/route";
import { POST as preview } from "./projects/import/preview/route";
import { POST as planImport } from "./projects/import/plan/route";
import { POST as importProject } from "./projects/import/route";

// The bundle endpoints called as Next calls them: real tokens, real multipart bodies.

const tokens: Record<string, string> = {};

beforeAll(async () => {
  for (const email of ["lead@acme.test", "analyst@acme.test", "admin@globex.test", "admin@acme.test"]) {
    tokens[email] = (await createAccessToken({ userId: (await actorFor(email)).userId, name: "bundle api" })).token;
  }
});

function request(
  path: string,
  init: { token?: string; json?: unknown; form?: FormData; body?: BodyInit; headers?: Record<string, string> } = {},
) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  let body: BodyInit | undefined = init.body;
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.json);
  }
  if (init.form) body = init.form;
  return new Request(`http://ferry.test${path}`, { method: "POST", headers, body });
}

async function call<P extends Record<string, string>>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  req: Request,
  params: P = {} as P,
) {
  const response = await handler(req, { params: Promise.resolve(params) });
  const text = await response.text();
  expect(text).not.toMatch(/^\s+at /m);
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: () =>
      JSON.parse(text) as { error?: { code: string; message: string; details?: unknown } } & Record<string, unknown>,
  };
}

function form(bundle: string, options?: unknown): FormData {
  const data = new FormData();
  data.set("bundle", new Blob([bundle], { type: "application/json" }), "bundle.json");
  if (options !== undefined) data.set("options", JSON.stringify(options));
  return data;
}

describe("bundle API", () => {
  it("exports as an attachment with the dated filename; a viewer gets 403", async () => {
    const ok = await call(
      exportProject,
      request("/api/v1/projects/sales-analytics/export?tenant=acme", {
        token: tokens["lead@acme.test"],
        json: { stable: true },
      }),
      { projectSlug: "sales-analytics" },
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-disposition")).toMatch(
      /^attachment; filename="sales-analytics-export-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(JSON.parse(ok.text)).toMatchObject({ format: "ferry.project", project: { slug: "sales-analytics" } });
    for (const secret of Object.values(DEMO_SECRETS)) expect(ok.text).not.toContain(secret);

    const viewer = await call(
      exportProject,
      request("/api/v1/projects/sales-analytics/export?tenant=acme", { token: tokens["analyst@acme.test"], json: {} }),
      { projectSlug: "sales-analytics" },
    );
    expect(viewer.status).toBe(403);
    expect(viewer.json().error!.code).toBe("FORBIDDEN");
    const anonymous = await call(
      exportProject,
      request("/api/v1/projects/sales-analytics/export?tenant=acme", { json: {} }),
      { projectSlug: "sales-analytics" },
    );
    expect(anonymous.status).toBe(401);
    const badBody = await call(
      exportProject,
      request("/api/v1/projects/sales-analytics/export?tenant=acme", {
        token: tokens["lead@acme.test"],
        body: "{nope",
        headers: { "content-type": "application/json" },
      }),
      { projectSlug: "sales-analytics" },
    );
    expect(badBody.json().error!.code).toBe("INVALID_JSON");
    const model = await call(
      exportModel,
      request("/api/v1/projects/sales-analytics/models/web-sessions/export?tenant=acme", {
        token: tokens["analyst@acme.test"],
        json: {},
      }),
      { projectSlug: "sales-analytics", modelSlug: "web-sessions" },
    );
    expect(model.status).toBe(200);
    expect(JSON.parse(model.text)).toMatchObject({ scope: "model" });
    expect(ok.headers.get("x-ferry-credentials")).toBe("none");

    // Who may carry secrets out (SPEC §6): the header says what the file holds.
    const withKeys = { includeCredentials: true, passphrase: "correct horse battery" };
    const lead = await call(
      exportProject,
      request("/api/v1/projects/sales-analytics/export?tenant=acme", {
        token: tokens["lead@acme.test"],
        json: withKeys,
      }),
      { projectSlug: "sales-analytics" },
    );
    expect(lead.headers.get("x-ferry-credentials")).toBe("llm-keys");
    const modelWithKeys = await call(
      exportModel,
      request("/api/v1/projects/sales-analytics/models/web-sessions/export?tenant=acme", {
        token: tokens["analyst@acme.test"],
        json: withKeys,
      }),
      { projectSlug: "sales-analytics", modelSlug: "web-sessions" },
    );
    expect(modelWithKeys.status).toBe(403);
    expect(modelWithKeys.json().error!.code).toBe("FORBIDDEN");
  });

  it("previews a bundle (raw JSON or multipart) with connection rows and conflicts", async () => {
    const bundle = (
      await call(
        exportProject,
        request("/api/v1/projects/sales-analytics/export?tenant=acme", { token: tokens["lead@acme.test"], json: {} }),
        { projectSlug: "sales-analytics" },
      )
    ).text;
    const raw = await call(
      preview,
      request("/api/v1/projects/import/preview?tenant=globex", {
        token: tokens["admin@globex.test"],
        body: bundle,
        headers: { "content-type": "application/json" },
      }),
    );
    expect(raw.status).toBe(200);
    const body = raw.json() as unknown as {
      summary: { counts: { models: number } };
      target: { slugTaken: boolean };
      connectionRows: { name: string; candidates: string[]; defaultAction: string | null }[];
    };
    expect(body.summary.counts.models).toBe(6);
    expect(body.target.slugTaken).toBe(false);
    expect(body.connectionRows.find((r) => r.name === "warehouse-pg")).toMatchObject({
      candidates: ["globex-pg"],
      defaultAction: null,
    });
    const multipart = await call(
      preview,
      request("/api/v1/projects/import/preview?tenant=acme", { token: tokens["admin@acme.test"], form: form(bundle) }),
    );
    expect(
      (multipart.json() as unknown as { target: { slugTaken: boolean; suggestedSlug: string } }).target,
    ).toMatchObject({ slugTaken: true, suggestedSlug: "sales-analytics-2" });
    const broken = await call(
      preview,
      request("/api/v1/projects/import/preview?tenant=acme", {
        token: tokens["admin@acme.test"],
        body: bundle.slice(0, 500),
        headers: { "content-type": "application/json" },
      }),
    );
    expect([broken.status, broken.json().error!.code]).toEqual([400, "INVALID_JSON"]);
  });

  it("imports over multipart with options, refusing non-admins and bad options without writing", async () => {
    const bundle = (
      await call(
        exportProject,
        request("/api/v1/projects/sales-analytics/export?tenant=acme", { token: tokens["lead@acme.test"], json: {} }),
        { projectSlug: "sales-analytics" },
      )
    ).text;
    const before = await dbFingerprint();
    const refused = await call(
      importProject,
      request("/api/v1/projects/import", {
        token: tokens["lead@acme.test"],
        form: form(bundle, { mode: "create", tenant: "acme", projectSlug: "x" }),
      }),
    );
    expect([refused.status, refused.json().error!.code]).toEqual([403, "FORBIDDEN"]);
    const required = await call(
      importProject,
      request("/api/v1/projects/import", {
        token: tokens["admin@globex.test"],
        form: form(bundle, { mode: "create" }),
      }),
    );
    expect([required.status, required.json().error!.code]).toEqual([400, "CONNECTION_MAPPING_REQUIRED"]);
    expect((required.json().error!.details as { connection: string }[]).map((d) => d.connection)).toEqual([
      "bq-events",
      "snowflake-prod",
      "warehouse-pg",
    ]);
    const badOptions = await call(
      importProject,
      request("/api/v1/projects/import", {
        token: tokens["admin@globex.test"],
        form: form(bundle, { mode: "upsert" }),
      }),
    );
    expect([badOptions.status, badOptions.json().error!.code]).toEqual([400, "INVALID_OPTIONS"]);
    expect(await dbFingerprint()).toEqual(before);

    const options = {
      mode: "create",
      connectionMapping: {
        "warehouse-pg": { action: "map", target: "globex-pg" },
        "bq-events": { action: "pending" },
        "snowflake-prod": { action: "pending" },
      },
    };
    const created = await call(
      importProject,
      request("/api/v1/projects/import", { token: tokens["admin@globex.test"], form: form(bundle, options) }),
    );
    expect(created.status).toBe(200);
    expect(created.json()).toMatchObject({
      project: { tenant: "globex", slug: "sales-analytics" },
      summary: { models: { created: 6 } },
    });
    const taken = await call(
      importProject,
      request("/api/v1/projects/import", { token: tokens["admin@globex.test"], form: form(bundle, options) }),
    );
    expect([taken.status, taken.json().error!.code]).toEqual([409, "SLUG_TAKEN"]);
  });

  it("leaves creating users to the operator CLI", async () => {
    const bundle = (
      await call(
        exportProject,
        request("/api/v1/projects/sales-analytics/export?tenant=acme", {
          token: tokens["lead@acme.test"],
          json: { sections: ["accessBindings"] },
        }),
        { projectSlug: "sales-analytics" },
      )
    ).text;
    const before = await dbFingerprint();
    const options = {
      mode: "create",
      tenant: "globex",
      projectSlug: "with-users",
      createUsers: true,
      connectionMapping: {
        "warehouse-pg": { action: "map", target: "globex-pg" },
        "bq-events": { action: "pending" },
        "snowflake-prod": { action: "pending" },
      },
    };
    const refused = await call(
      importProject,
      request("/api/v1/projects/import", { token: tokens["admin@globex.test"], form: form(bundle, options) }),
    );
    expect([refused.status, refused.json().error!.code]).toEqual([403, "FORBIDDEN"]);
    expect(refused.json().error!.message).toContain("--create-users");
    const model = await call(
      importModel,
      request("/api/v1/projects/finance/models/import?tenant=globex", {
        token: tokens["admin@globex.test"],
        form: form(bundle, { createUsers: false }),
      }),
      { projectSlug: "finance" },
    );
    expect([model.status, model.json().error!.code]).toEqual([403, "FORBIDDEN"]);
    expect(await dbFingerprint()).toEqual(before);
  });

  it("imports a model bundle into a project through its own route only", async () => {
    const modelBundle = async (slug: string, options: { joinedModels?: string[] } = {}) =>
      (
        await call(
          exportModel,
          request(`/api/v1/projects/sales-analytics/models/${slug}/export?tenant=acme`, {
            token: tokens["lead@acme.test"],
            json: options,
          }),
          { projectSlug: "sales-analytics", modelSlug: slug },
        )
      ).text;
    // orders joins customers, which marketing-dev does not have: left out, the join dangles.
    const orders = await call(
      importModel,
      request("/api/v1/projects/marketing-dev/models/import?tenant=acme", {
        token: tokens["admin@acme.test"],
        form: form(await modelBundle("orders", { joinedModels: [] }), {
          connectionMapping: { "warehouse-pg": { action: "map", target: "warehouse-pg" } },
        }),
      }),
      { projectSlug: "marketing-dev" },
    );
    expect([orders.status, orders.json().error!.code]).toEqual([400, "DANGLING_REFERENCE"]);
    const bundle = await modelBundle("customers");
    const wrongRoute = await call(
      importProject,
      request("/api/v1/projects/import", { token: tokens["admin@acme.test"], form: form(bundle, { mode: "create" }) }),
    );
    expect(wrongRoute.json().error!.code).toBe("INVALID_BUNDLE");
    const ok = await call(
      importModel,
      request("/api/v1/projects/marketing-dev/models/import?tenant=acme", {
        token: tokens["admin@acme.test"],
        form: form(bundle, { connectionMapping: { "warehouse-pg": { action: "map", target: "warehouse-pg" } } }),
      }),
      { projectSlug: "marketing-dev" },
    );
    expect(ok.status).toBe(200);
    expect(ok.json()).toMatchObject({ scope: "model", project: { slug: "marketing-dev" } });
  });

  it("plans an import without writing, and refuses an import whose plan went stale with 409 PLAN_STALE", async () => {
    const exported = await call(
      exportProject,
      request("/api/v1/projects/sales-analytics/export?tenant=acme", {
        token: tokens["lead@acme.test"],
        json: { stable: true, sections: ["connections", "settings"] },
      }),
      { projectSlug: "sales-analytics" },
    );
    const bundle = JSON.parse(exported.text) as { settings: { key: string; value: unknown }[] };
    bundle.settings = bundle.settings.map((s) => (s.key === "currency" ? { ...s, value: "CHF" } : s));
    const text = JSON.stringify(bundle);
    const mapping = Object.fromEntries(
      ["warehouse-pg", "snowflake-prod", "bq-events"].map((name) => [name, { action: "map", target: name }]),
    );
    const options = { mode: "merge", tenant: "acme", projectSlug: "sales-analytics", connectionMapping: mapping };
    // Using a token stamps its last use: everything else must stay as it was.
    const content = async () => {
      const { ApiToken: _used, ...rest } = await dbFingerprint();
      return rest;
    };
    const before = await content();
    const plan = await call(
      planImport,
      request("/api/v1/projects/import/plan", { token: tokens["admin@acme.test"], form: form(text, options) }),
    );
    expect(plan.status).toBe(200);
    const body = plan.json() as unknown as {
      dryRun: boolean;
      planToken: string;
      plan: { sections: { key: string; items: { key: string; action: string; changes?: unknown[] }[] }[] };
    };
    expect(body.dryRun).toBe(true);
    const currency = body.plan.sections.find((s) => s.key === "settings")!.items.find((i) => i.key === "currency");
    expect(currency).toEqual({
      key: "currency",
      action: "update",
      changes: [{ path: "value", before: "USD", after: "CHF" }],
    });
    expect(await content()).toEqual(before);

    const viewer = await call(
      planImport,
      request("/api/v1/projects/import/plan", { token: tokens["analyst@acme.test"], form: form(text, options) }),
    );
    expect(viewer.status).toBe(403);

    // Someone changes the target between the plan and the import.
    const { db } = await import("@/lib/db");
    await db.projectSetting.updateMany({
      where: { key: "timezone", project: { slug: "sales-analytics", tenant: { slug: "acme" } } },
      data: { value: "Asia/Tokyo" },
    });
    const changed = await content();
    const stale = await call(
      importProject,
      request("/api/v1/projects/import", {
        token: tokens["admin@acme.test"],
        form: form(text, { ...options, planToken: body.planToken }),
      }),
    );
    expect([stale.status, stale.json().error!.code]).toEqual([409, "PLAN_STALE"]);
    expect(await content()).toEqual(changed);
    const fresh = (stale.json().error!.details as { planToken: string }).planToken;
    const ok = await call(
      importProject,
      request("/api/v1/projects/import", {
        token: tokens["admin@acme.test"],
        form: form(text, { ...options, planToken: fresh }),
      }),
    );
    expect(ok.status).toBe(200);
    expect(ok.json()).toMatchObject({ mode: "merge", dryRun: false, summary: { settings: { updated: 2 } } });
  });

  it("serves the bundle JSON Schema publicly", async () => {
    const response = await bundleSchema();
    expect(response.headers.get("content-type")).toContain("application/schema+json");
    expect((await response.json()) as object).toMatchObject({ title: expect.stringContaining("ferry.project") });
  });
});

describe("import progress (NDJSON)", () => {
  it("streams phases, then the result; errors arrive as the last line", async () => {
    const bundle = (
      await call(
        exportProject,
        request("/api/v1/projects/marketing-dev/export?tenant=acme", { token: tokens["admin@acme.test"], json: {} }),
        { projectSlug: "marketing-dev" },
      )
    ).text;
    const options = {
      mode: "create",
      tenant: "acme",
      projectSlug: "progress-demo",
      connectionMapping: { "warehouse-pg": { action: "map", target: "warehouse-pg" } },
    };
    const ok = await call(
      importProject,
      request("/api/v1/projects/import", {
        token: tokens["admin@acme.test"],
        form: form(bundle, options),
        headers: { accept: "application/x-ndjson" },
      }),
    );
    expect(ok.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = ok.text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { phase?: string; result?: { project: { slug: string } } });
    expect(lines.map((l) => l.phase).filter(Boolean)).toEqual(
      expect.arrayContaining(["validating", "planning", "versions", "committing"]),
    );
    expect(lines.at(-1)!.result!.project.slug).toBe("progress-demo");
    const failed = await call(
      importProject,
      request("/api/v1/projects/import", {
        token: tokens["admin@acme.test"],
        form: form(bundle, options),
        headers: { accept: "application/x-ndjson" },
      }),
    );
    expect(JSON.parse(failed.text.trim().split("\n").at(-1)!)).toMatchObject({ error: { code: "SLUG_TAKEN" } });
  });
});
