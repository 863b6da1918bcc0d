import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { serializeBundle } from "@/lib/bundle/canonical-json";
import type { Bundle } from "@/lib/bundle/schema";
import { createExportTicket } from "@/lib/export/export-tickets";
import { actorFor } from "@/test/actors";
import { apiRouteHandlers } from "@/test/api-routes";
import { casePath, importOptions, loadCorpus } from "@/test/bad-bundles";
import { bundleForm } from "@/test/bundle-form";
import { bareBundle, sampleBundle } from "@/test/bundles";
import { demoToken } from "@/test/tokens";
import { Contract, loadDocument, type Call } from "./openapi-contract";

// The contract test (SPEC §14): real requests to every /api/v1 route handler — the success and
// each error the OpenAPI document lists — on the seeded demo data, each answer checked against
// the document the API serves (status, body schema, error code, headers).

/** Documented answers no request here can cause, and why. Keep it short and true. */
const NOT_CAUSED: Record<string, string> = {
  "POST /api/v1/projects/import/plan IMPORT_FAILED": "a plan writes nothing, so no write step can be made to fail",
  INTERNAL_ERROR: "an unexpected failure (a bug or an outage) of a route outside the import path",
  UNAVAILABLE:
    "the database down, while this test needs it; or uploads in flight past FERRY_UPLOAD_SPOOL_MB (lib/http/read-bundle-upload.unit.test.ts)",
  CONFLICT: "a concurrent write of the same item between the plan and the write",
};

const SALES = { projectSlug: "sales-analytics" };
const ACME = "tenant=acme";
let contract: Contract;
const tokens: Record<string, string> = {};
const root = () => tokens["root@ferry.test"]!;
const acmeAdmin = () => tokens["admin@acme.test"]!;
const analyst = () => tokens["analyst@acme.test"]!;
const lead = () => tokens["lead@acme.test"]!;

/** A model bundle: `customers` alone, or `orders` without the `customers` it joins to. */
const modelBundle = (slug = "customers", overrides: Partial<Bundle> = {}) => {
  const base = bareBundle(overrides);
  return serializeBundle({ ...base, scope: "model", models: base.models.filter((m) => m.slug === slug) });
};
const text = (bundle: Bundle) => serializeBundle(bundle);
const bigJson = () => `{"pad": "${" ".repeat(1024 * 1024 + 10)}"}`;

beforeAll(async () => {
  for (const email of ["root@ferry.test", "admin@acme.test", "lead@acme.test", "analyst@acme.test"])
    tokens[email] = await demoToken(email);
  contract = new Contract(await loadDocument());
});

// State made by earlier calls and used by later ones (an import's id, its snapshot).
const made = { importId: "", snapshotId: "", project: "contract-made" };

const send = (call: Call, expected: string) => contract.send(call, expected);

/**
 * The errors every authenticated operation shares: no token; with `?tenant=`, a repeated or an
 * unknown one; with a project in the path, one that does not exist.
 */
async function commonErrors(call: Call, options: { tenant?: boolean; unknownTenant?: string } = {}) {
  await send({ ...call, token: null }, "UNAUTHENTICATED");
  if (options.tenant) {
    await send({ ...call, query: "tenant=acme&tenant=acme" }, "INVALID_OPTIONS");
    await send({ ...call, query: "tenant=nope" }, options.unknownTenant ?? "NOT_FOUND");
  }
  if (call.params?.projectSlug)
    await send({ ...call, params: { ...call.params, projectSlug: "no-such-project" } }, "PROJECT_NOT_FOUND");
}

/** Runs `run` with one environment variable set (a fault to inject, a smaller limit). */
async function withEnv(name: string, value: string, run: () => Promise<unknown>): Promise<void> {
  process.env[name] = value;
  try {
    await run();
  } finally {
    delete process.env[name];
  }
}

/** The errors of a small JSON body. */
async function jsonBodyErrors(call: Call) {
  await send({ ...call, json: undefined, body: "{", headers: { "content-type": "application/json" } }, "INVALID_JSON");
  await send({ ...call, json: undefined, body: bigJson() }, "PAYLOAD_TOO_LARGE");
  await send({ ...call, json: { unknownOption: true } }, "INVALID_OPTIONS");
}

/** The errors of an uploaded bundle, whatever the route does with it. */
async function uploadErrors(call: Call, options: unknown) {
  const version2 = text({ ...bareBundle(), version: 2 } as unknown as Bundle);
  await send({ ...call, body: bundleForm("{", options) }, "INVALID_JSON");
  await send({ ...call, body: bundleForm("{}", options) }, "INVALID_BUNDLE");
  await send({ ...call, body: bundleForm(version2, options) }, "UNSUPPORTED_BUNDLE_VERSION");
  const badOptions = bundleForm(text(bareBundle()));
  badOptions.set("options", "{");
  await send({ ...call, body: badOptions }, "INVALID_OPTIONS");
  await withEnv("FERRY_MAX_BUNDLE_MB", "0.001", () =>
    send({ ...call, body: bundleForm(text(bareBundle()), options) }, "PAYLOAD_TOO_LARGE"),
  );
}

/** A case of the bad-input corpus, sent as its import would be. */
function corpusForm(id: string, overrides: Record<string, unknown> = {}) {
  const found = loadCorpus().cases.find((c) => c.id === id);
  if (!found) throw new Error(`No corpus case ${id}`);
  return bundleForm(fs.readFileSync(casePath(found)), { ...importOptions(found), ...overrides });
}

/** An import's answers beyond the bundle's own: passphrases, slugs, connections, plans, roles. */
async function importErrors(operation: string, extra: Record<string, unknown> = {}) {
  const call = (body: BodyInit, token = root()): Call => ({ operation, token, body });
  const options = (o: Record<string, unknown>) => ({ mode: "create", tenant: "acme", ...o, ...extra });
  await send(call(corpusForm("crypto/no-passphrase", extra)), "PASSPHRASE_REQUIRED");
  await send(call(corpusForm("crypto/verifier-incorrect-iv", extra)), "WRONG_PASSPHRASE");
  await send(call(corpusForm("crypto/short-passphrase", extra)), "PASSPHRASE_TOO_SHORT");
  await send(call(corpusForm("references/agent-model-context", extra)), "DANGLING_REFERENCE");
  await send(call(bundleForm(text(bareBundle()), options({ projectSlug: "sales-analytics" }))), "SLUG_TAKEN");
  await send(call(bundleForm(text(bareBundle()), options({ projectSlug: "Not A Slug" }))), "INVALID_SLUG");
  await send(
    call(bundleForm(text(bareBundle()), options({ mode: "replace", projectSlug: "no-such-project" }))),
    "PROJECT_NOT_FOUND",
  );
  await send(call(bundleForm(text(bareBundle()), options({ tenant: "nope", projectSlug: "c-nope" }))), "NOT_FOUND");
  await send(call(bundleForm(text(bareBundle()), options({ projectSlug: "c-forbidden" })), analyst()), "FORBIDDEN");
  const connected = sampleBundle({
    sections: ["connections"],
    llmConfigs: undefined,
    agent: undefined,
    recipes: undefined,
    settings: undefined,
    accessBindings: undefined,
  });
  await send(
    call(
      bundleForm(
        text(connected),
        options({ projectSlug: "c-mapping", connectionMapping: { wh: { action: "map", target: "snowflake-prod" } } }),
      ),
    ),
    "CONNECTION_TYPE_MISMATCH",
  );
  await send(
    call(
      bundleForm(text(connected), options({ projectSlug: "c-mapping", connectionMapping: { wh: { action: "map" } } })),
    ),
    "CONNECTION_MAPPING_REQUIRED",
  );
}

/** A model import's answers beyond the bundle's own. */
async function modelImportErrors(call: Call) {
  const form = (bundle: string | Uint8Array<ArrayBuffer>, options: Record<string, unknown>) => ({
    ...call,
    token: root(),
    body: bundleForm(bundle, options),
  });
  const exported = await send(
    {
      operation: "POST /api/v1/projects/{projectSlug}/models/{modelSlug}/export",
      token: root(),
      query: ACME,
      params: { ...SALES, modelSlug: "web-sessions" },
      json: { includeCredentials: true, passphrase: "contract passphrase", joinedModels: [] },
    },
    "200",
  );
  const encrypted = exported.text;
  const renamed = { modelSlugOverrides: { "web-sessions": "c-encrypted" } };
  await send(form(encrypted, renamed), "PASSPHRASE_REQUIRED");
  await send(form(encrypted, { ...renamed, passphrase: "not the passphrase" }), "WRONG_PASSPHRASE");
  await send(form(encrypted, { ...renamed, passphrase: "short" }), "PASSPHRASE_TOO_SHORT");
  await send(form(modelBundle(), {}), "SLUG_TAKEN");
  await send(form(modelBundle(), { modelSlugOverrides: { customers: "Not A Slug" } }), "INVALID_SLUG");
  await send(
    form(modelBundle(), { modelSlugOverrides: { customers: "c-stale" }, planToken: "0".repeat(64) }),
    "PLAN_STALE",
  );
  await send(
    {
      ...form(modelBundle("orders"), { modelSlugOverrides: { orders: "c-dangling" } }),
      params: { projectSlug: "marketing-dev" },
    },
    "DANGLING_REFERENCE",
  );
  const connected = modelBundle("customers", {
    sections: ["connections"],
    connections: sampleBundle().connections,
    models: sampleBundle().models,
  });
  const mapped = (mapping: unknown) => ({
    modelSlugOverrides: { customers: "c-mapped" },
    connectionMapping: { wh: mapping },
  });
  await send(form(connected, mapped({ action: "map", target: "snowflake-prod" })), "CONNECTION_TYPE_MISMATCH");
  await send(form(connected, mapped({ action: "map" })), "CONNECTION_MAPPING_REQUIRED");
  await withEnv("FERRY_TEST_FAULT", "models", () =>
    send(form(modelBundle(), { modelSlugOverrides: { customers: "c-fault" } }), "IMPORT_FAILED"),
  );
}

describe("contract: every /api/v1 route answers as docs/openapi.json says", () => {
  it("public documents", async () => {
    await send({ operation: "GET /api/v1/health" }, "200");
    await send({ operation: "GET /api/v1/bundle-schema.json" }, "200");
    await send({ operation: "GET /api/v1/openapi.json" }, "200");
  });

  it("GET /api/v1/me", async () => {
    const call = { operation: "GET /api/v1/me", token: lead() };
    await send(call, "200");
    await commonErrors(call);
  });

  it("GET /api/v1/projects", async () => {
    const call = { operation: "GET /api/v1/projects", token: lead(), query: ACME };
    await send(call, "200");
    await commonErrors(call, { tenant: true });
  });

  it("GET /api/v1/projects/{projectSlug}", async () => {
    const call = { operation: "GET /api/v1/projects/{projectSlug}", token: analyst(), query: ACME, params: SALES };
    await send(call, "200");
    await commonErrors(call, { tenant: true });
    await send({ ...call, params: { projectSlug: "no-such-project" } }, "PROJECT_NOT_FOUND");
  });

  it("POST /api/v1/projects/{projectSlug}/export", async () => {
    const call = {
      operation: "POST /api/v1/projects/{projectSlug}/export",
      token: lead(),
      query: ACME,
      params: SALES,
      json: { stable: true },
    };
    await send(call, "200");
    await send(
      { ...call, token: root(), json: { includeCredentials: true, passphrase: "contract passphrase" } },
      "200",
    );
    await commonErrors(call, { tenant: true, unknownTenant: "PROJECT_NOT_FOUND" });
    await jsonBodyErrors(call);
    await send({ ...call, token: analyst() }, "FORBIDDEN");
    await send({ ...call, json: { includeCredentials: true, passphrase: "short" } }, "PASSPHRASE_TOO_SHORT");
    await send({ ...call, json: { includeCredentials: true } }, "PASSPHRASE_REQUIRED");
  });

  it("POST /api/v1/projects/{projectSlug}/models/{modelSlug}/export", async () => {
    const params = { ...SALES, modelSlug: "web-sessions" };
    const call = {
      operation: "POST /api/v1/projects/{projectSlug}/models/{modelSlug}/export",
      token: analyst(),
      query: ACME,
      params,
      json: {},
    };
    await send(call, "200");
    await commonErrors(call, { tenant: true, unknownTenant: "PROJECT_NOT_FOUND" });
    await jsonBodyErrors(call);
    await send({ ...call, params: { ...params, modelSlug: "orders" } }, "FORBIDDEN");
    await send({ ...call, params: { ...params, modelSlug: "no-such-model" } }, "NOT_FOUND");
    await send(
      { ...call, token: root(), json: { includeCredentials: true, passphrase: "short" } },
      "PASSPHRASE_TOO_SHORT",
    );
    await send({ ...call, token: root(), json: { includeCredentials: true } }, "PASSPHRASE_REQUIRED");
  });

  it("GET /api/v1/exports/{token}", async () => {
    const ticket = await createExportTicket({
      actor: await actorFor("lead@acme.test"),
      tenantSlug: "acme",
      projectSlug: "sales-analytics",
      options: {},
    });
    const call = {
      operation: "GET /api/v1/exports/{token}",
      token: lead(),
      params: { token: ticket.url.split("/").at(-1)! },
    };
    await send(call, "200");
    await send(call, "NOT_FOUND");
    await commonErrors(call);
  });

  it("POST /api/v1/projects/import/preview", async () => {
    const call = {
      operation: "POST /api/v1/projects/import/preview",
      token: acmeAdmin(),
      query: ACME,
      body: text(bareBundle()),
    };
    await send(call, "200");
    await send({ ...call, query: undefined, body: bundleForm(text(bareBundle()), { tenant: "acme" }) }, "200");
    await commonErrors(call, { tenant: true });
    await uploadErrors(call, { tenant: "acme" });
    await send({ ...call, token: lead() }, "FORBIDDEN");
  });

  it("POST /api/v1/projects/import", async () => {
    const operation = "POST /api/v1/projects/import";
    const created = await send(
      {
        operation,
        token: acmeAdmin(),
        body: bundleForm(text(bareBundle()), { mode: "create", tenant: "acme", projectSlug: made.project }),
      },
      "200",
    );
    made.importId = (created.body as { importId: string }).importId;
    const replaced = await send(
      {
        operation,
        token: acmeAdmin(),
        body: bundleForm(text(bareBundle()), { mode: "replace", tenant: "acme", projectSlug: made.project }),
      },
      "200",
    );
    made.snapshotId = (replaced.body as { snapshot: { id: string } }).snapshot.id;
    const call = {
      operation,
      token: root(),
      body: bundleForm(text(bareBundle()), { mode: "create", tenant: "acme", projectSlug: "c-import" }),
    };
    await commonErrors(call);
    await uploadErrors(call, { mode: "create", tenant: "acme", projectSlug: "c-import" });
    await importErrors(operation);
    await send(
      {
        operation,
        token: root(),
        body: bundleForm(text(bareBundle()), {
          mode: "replace",
          tenant: "acme",
          projectSlug: made.project,
          planToken: "0".repeat(64),
        }),
      },
      "PLAN_STALE",
    );
    await withEnv("FERRY_TEST_FAULT", "project", () =>
      send(
        { ...call, body: bundleForm(text(bareBundle()), { mode: "create", tenant: "acme", projectSlug: "c-fault" }) },
        "IMPORT_FAILED",
      ),
    );
    const progress = await send({ ...call, headers: { accept: "application/x-ndjson" } }, "200");
    expect(progress.text.trim().split("\n").at(-1)).toContain('"result"');
  });

  it("POST /api/v1/projects/import/plan", async () => {
    const operation = "POST /api/v1/projects/import/plan";
    const call = {
      operation,
      token: acmeAdmin(),
      body: bundleForm(text(bareBundle()), { mode: "create", tenant: "acme", projectSlug: "c-plan" }),
    };
    await send(call, "200");
    await send(
      {
        ...call,
        body: bundleForm(modelBundle(), {
          mode: "create",
          tenant: "acme",
          projectSlug: "sales-analytics",
          modelSlugOverrides: { customers: "c-plan-model" },
        }),
      },
      "200",
    );
    await commonErrors(call);
    await uploadErrors(call, { mode: "create", tenant: "acme", projectSlug: "c-plan" });
    await importErrors(operation);
  });

  it("POST /api/v1/projects/{projectSlug}/models/import", async () => {
    const operation = "POST /api/v1/projects/{projectSlug}/models/import";
    const options = { modelSlugOverrides: { customers: "c-model" } };
    const call = { operation, token: lead(), query: ACME, params: SALES, body: bundleForm(modelBundle(), options) };
    await send(call, "200");
    await commonErrors(call, { tenant: true });
    await uploadErrors(call, options);
    await send({ ...call, token: analyst() }, "FORBIDDEN");
    await send({ ...call, body: bundleForm(text(bareBundle()), options) }, "INVALID_BUNDLE");
    await modelImportErrors(call);
  });

  it("GET /api/v1/history", async () => {
    const call = { operation: "GET /api/v1/history", token: acmeAdmin(), query: ACME };
    await send(call, "200");
    await send({ ...call, query: `${ACME}&limit=1` }, "200");
    await commonErrors(call, { tenant: true });
    await send({ ...call, query: `${ACME}&limit=0` }, "INVALID_OPTIONS");
    await send({ ...call, token: lead() }, "FORBIDDEN");
  });

  it("GET /api/v1/projects/{projectSlug}/history", async () => {
    const call = {
      operation: "GET /api/v1/projects/{projectSlug}/history",
      token: acmeAdmin(),
      query: ACME,
      params: { projectSlug: made.project },
    };
    await send(call, "200");
    await commonErrors(call, { tenant: true });
    await send({ ...call, params: SALES, token: analyst() }, "FORBIDDEN");
  });

  it("GET /api/v1/projects/{projectSlug}/history/{importId}", async () => {
    const params = { projectSlug: made.project, importId: made.importId };
    const call = {
      operation: "GET /api/v1/projects/{projectSlug}/history/{importId}",
      token: acmeAdmin(),
      query: ACME,
      params,
    };
    await send(call, "200");
    await commonErrors(call, { tenant: true });
    await send({ ...call, params: { ...params, importId: "nope" } }, "NOT_FOUND");
    await send({ ...call, params: { ...SALES, importId: made.importId }, token: analyst() }, "FORBIDDEN");
  });

  it("POST /api/v1/projects/{projectSlug}/history/{importId}/checklist/{item}", async () => {
    const params = { projectSlug: made.project, importId: made.importId, item: "0" };
    const call = {
      operation: "POST /api/v1/projects/{projectSlug}/history/{importId}/checklist/{item}",
      token: acmeAdmin(),
      query: ACME,
      params,
      json: { done: true },
    };
    await send(call, "200");
    await send({ ...call, json: { done: false } }, "200");
    await commonErrors(call, { tenant: true });
    await jsonBodyErrors(call);
    await send({ ...call, params: { ...params, item: "x" } }, "NOT_FOUND");
    await send({ ...call, params: { ...params, projectSlug: "sales-analytics" }, token: analyst() }, "FORBIDDEN");
  });

  it("GET /api/v1/projects/{projectSlug}/snapshots", async () => {
    const call = {
      operation: "GET /api/v1/projects/{projectSlug}/snapshots",
      token: acmeAdmin(),
      query: ACME,
      params: { projectSlug: made.project },
    };
    await send(call, "200");
    await commonErrors(call, { tenant: true });
    await send({ ...call, params: SALES, token: analyst() }, "FORBIDDEN");
  });

  it("snapshot download, GET and POST", async () => {
    const params = { projectSlug: made.project, snapshotId: made.snapshotId };
    for (const method of ["GET", "POST"]) {
      const call = {
        operation: `${method} /api/v1/projects/{projectSlug}/snapshots/{snapshotId}/download`,
        token: acmeAdmin(),
        query: ACME,
        params,
      };
      await send(call, "200");
      await commonErrors(call, { tenant: true });
      await send({ ...call, params: { ...params, snapshotId: "nope" } }, "NOT_FOUND");
      await send({ ...call, params: { ...SALES, snapshotId: made.snapshotId }, token: analyst() }, "FORBIDDEN");
    }
    const call = {
      operation: "POST /api/v1/projects/{projectSlug}/snapshots/{snapshotId}/download",
      token: acmeAdmin(),
      query: ACME,
      params,
    };
    await send({ ...call, json: { includeCredentials: true, passphrase: "contract passphrase" } }, "200");
    await jsonBodyErrors(call);
    await send({ ...call, json: { includeCredentials: true, passphrase: "short" } }, "PASSPHRASE_TOO_SHORT");
    await send({ ...call, json: { includeCredentials: true } }, "PASSPHRASE_REQUIRED");
  });

  it("POST /api/v1/projects/{projectSlug}/snapshots/{snapshotId}/restore", async () => {
    const params = { projectSlug: made.project, snapshotId: made.snapshotId };
    const call = {
      operation: "POST /api/v1/projects/{projectSlug}/snapshots/{snapshotId}/restore",
      token: acmeAdmin(),
      query: ACME,
      params,
      json: { dryRun: true },
    };
    await send(call, "200");
    await commonErrors(call, { tenant: true });
    await jsonBodyErrors(call);
    await send({ ...call, params: { ...params, snapshotId: "nope" } }, "NOT_FOUND");
    await send({ ...call, token: lead(), params: { ...SALES, snapshotId: made.snapshotId } }, "FORBIDDEN");
    await send({ ...call, json: { planToken: "0".repeat(64) } }, "PLAN_STALE");
    await withEnv("FERRY_TEST_FAULT", "project", () => send({ ...call, json: {} }, "IMPORT_FAILED"));
    await send({ ...call, json: {} }, "200");
  });

  it("POST /api/v1/projects/{projectSlug}/deploy-all", async () => {
    const call = {
      operation: "POST /api/v1/projects/{projectSlug}/deploy-all",
      token: acmeAdmin(),
      query: ACME,
      params: { projectSlug: made.project },
      json: { importId: made.importId },
    };
    await send(call, "200");
    await commonErrors(call, { tenant: true });
    await jsonBodyErrors(call);
    await send({ ...call, json: { importId: "00000000-0000-4000-8000-000000000000" } }, "NOT_FOUND");
    await send({ ...call, params: SALES, token: analyst(), json: {} }, "FORBIDDEN");
  });

  it("POST /api/v1/projects/{projectSlug}/duplicate", async () => {
    const call = {
      operation: "POST /api/v1/projects/{projectSlug}/duplicate",
      token: acmeAdmin(),
      query: ACME,
      params: { projectSlug: made.project },
      json: { slug: "c-copy", dryRun: true },
    };
    await send(call, "200");
    await send({ ...call, json: { slug: "c-copy" } }, "200");
    await commonErrors(call, { tenant: true });
    await jsonBodyErrors(call);
    await send({ ...call, token: lead(), params: SALES }, "FORBIDDEN");
    await send({ ...call, json: { slug: "sales-analytics" } }, "SLUG_TAKEN");
    await send({ ...call, json: { slug: "Not A Slug" } }, "INVALID_SLUG");
    await send({ ...call, json: { slug: "c-copy-2", planToken: "0".repeat(64) } }, "PLAN_STALE");
    await send(
      {
        ...call,
        token: root(),
        params: SALES,
        json: {
          slug: "c-copy-3",
          tenant: "globex",
          connectionMapping: { "warehouse-pg": { action: "map", target: "globex-mysql" } },
        },
      },
      "CONNECTION_TYPE_MISMATCH",
    );
    await withEnv("FERRY_TEST_FAULT", "project", () => send({ ...call, json: { slug: "c-copy-4" } }, "IMPORT_FAILED"));
  });

  it("POST /api/v1/projects/{projectSlug}/detach, and PROJECT_MANAGED on imports into a reference project", async () => {
    const reference = { projectSlug: "c-reference" };
    await send(
      {
        operation: "POST /api/v1/projects/import",
        token: acmeAdmin(),
        body: bundleForm(text(bareBundle()), {
          mode: "create",
          tenant: "acme",
          projectSlug: "c-reference",
          reference: true,
        }),
      },
      "200",
    );
    // Another source, a model bundle, or skip-existing: refused while it is a reference.
    const elsewhere = text(bareBundle({ meta: { ...bareBundle().meta, source: { tenant: "globex", instance: "x" } } }));
    const replace = { mode: "replace", tenant: "acme", projectSlug: "c-reference" };
    for (const operation of ["POST /api/v1/projects/import", "POST /api/v1/projects/import/plan"])
      await send({ operation, token: acmeAdmin(), body: bundleForm(elsewhere, replace) }, "PROJECT_MANAGED");
    await send(
      {
        operation: "POST /api/v1/projects/{projectSlug}/models/import",
        token: acmeAdmin(),
        query: ACME,
        params: reference,
        body: bundleForm(modelBundle(), {}),
      },
      "PROJECT_MANAGED",
    );

    const call = {
      operation: "POST /api/v1/projects/{projectSlug}/detach",
      token: acmeAdmin(),
      query: ACME,
      params: reference,
    };
    await commonErrors(call, { tenant: true });
    await send({ ...call, token: analyst(), params: SALES }, "FORBIDDEN");
    await send(call, "200");
    await send(call, "CONFLICT");
  });

  it("POST /api/v1/projects/{projectSlug}/refresh", async () => {
    const call = {
      operation: "POST /api/v1/projects/{projectSlug}/refresh",
      token: lead(),
      query: ACME,
      params: SALES,
    };
    await send(call, "200");
    await commonErrors(call, { tenant: true });
    await send({ ...call, token: analyst() }, "FORBIDDEN");
  });
});

describe("contract coverage", () => {
  it("the document describes every route handler under app/api/v1", () => {
    expect([...contract.documentedAnswers().keys()].sort()).toEqual(apiRouteHandlers().sort());
  });

  it("every documented answer of every route was caused above (or is listed in NOT_CAUSED with why)", () => {
    const missing = [...contract.documentedAnswers()].flatMap(([operation, answers]) =>
      [...answers]
        .filter(
          (a) => !contract.seen.get(operation)?.has(a) && !(a in NOT_CAUSED) && !(`${operation} ${a}` in NOT_CAUSED),
        )
        .map((a) => `${operation} ${a}`),
    );
    expect(missing).toEqual([]);
  });
});
