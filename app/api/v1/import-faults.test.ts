import { OPTIONAL_SECTIONS } from "@/lib/bundle/sections";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { prepareExport, readAll } from "@/lib/export/export-project";
import { IMPORT_WRITE_STEPS } from "@/lib/import/fault-point";
import { actorFor } from "@/test/actors";
import { bundleForm } from "@/test/bundle-form";
import { dbFingerprint } from "@/test/db-fingerprint";
import { demoToken } from "@/test/tokens";
import { POST as importProject } from "./projects/import/route";

// Fault injection through the import route (FERRY_TEST_FAULT makes the import throw at one write
// step; inert in production): every step, in create and in replace mode, answers 500
// IMPORT_FAILED with the generic message, logs the cause on the server only, and leaves the
// database exactly as it was.

const ALL = OPTIONAL_SECTIONS;
const NAMES = ["bq-events", "snowflake-prod", "warehouse-pg"];
let token = "";
let bundle = "";

beforeAll(async () => {
  token = await demoToken("admin@globex.test", { unstamped: true });
  const prepared = await prepareExport({
    actor: await actorFor("lead@acme.test"),
    tenantSlug: "acme",
    projectSlug: "sales-analytics",
    options: { sections: ALL, stable: true },
  });
  bundle = await readAll(prepared.open());
});

afterEach(() => {
  delete process.env.FERRY_TEST_FAULT;
  vi.restoreAllMocks();
});

async function post(options: Record<string, unknown>) {
  const response = await importProject(
    new Request("http://ferry.test/api/v1/projects/import", {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: bundleForm(bundle, options),
    }),
    { params: Promise.resolve({}) },
  );
  return { status: response.status, text: await response.text() };
}

const variants = {
  create: (step: string) => ({
    mode: "create",
    tenant: "globex",
    projectSlug: `fault-${step.toLowerCase()}`,
    connectionMapping: Object.fromEntries(
      NAMES.map((n) => [n, { action: "pending", name: `${n}-${step.toLowerCase()}` }]),
    ),
  }),
  replace: () => ({
    mode: "replace",
    tenant: "globex",
    projectSlug: "base",
    connectionMapping: Object.fromEntries(NAMES.map((n) => [n, { action: "map", target: `${n}-base` }])),
  }),
};

describe("import faults through the API", () => {
  it("rolls back every write step in create and replace mode, answering a generic 500", async () => {
    const base = await post({
      mode: "create",
      tenant: "globex",
      projectSlug: "base",
      connectionMapping: Object.fromEntries(NAMES.map((n) => [n, { action: "pending", name: `${n}-base` }])),
    });
    expect(base.status, base.text).toBe(200);

    let injected = 0;
    for (const step of IMPORT_WRITE_STEPS) {
      for (const [mode, options] of Object.entries(variants)) {
        const before = await dbFingerprint();
        const log = vi.spyOn(console, "error").mockImplementation(() => {});
        process.env.FERRY_TEST_FAULT = step;
        const answer = await post(options(step));
        delete process.env.FERRY_TEST_FAULT;
        const label = `fault at ${step} (${mode})`;
        expect(answer.status, label).toBe(500);
        expect(JSON.parse(answer.text), label).toEqual({
          error: { code: "IMPORT_FAILED", message: "The import failed and was rolled back; nothing was changed." },
        });
        // The cause goes to the server log, with context — never to the client.
        expect(answer.text).not.toMatch(/Injected|fault|\bat\s/);
        expect(log.mock.calls.map((call) => call.map(String).join(" ")).join("\n"), label).toMatch(
          new RegExp(`unexpected error during /api/v1/projects/import:.*Injected fault at import step "${step}"`, "s"),
        );
        log.mockRestore();
        expect(await dbFingerprint(), label).toEqual(before);
        injected += 1;
      }
    }
    expect(injected).toBe(IMPORT_WRITE_STEPS.length * 2);

    // Each failure is audited as such, and nothing is left locked: the same imports now succeed.
    const failures = await db.auditEvent.count({
      where: { action: "project.import", summary: { path: ["code"], equals: "IMPORT_FAILED" } },
    });
    expect(failures).toBe(IMPORT_WRITE_STEPS.length * 2);
    expect((await post(variants.create("after"))).status).toBe(200);
    expect((await post(variants.replace())).status).toBe(200);
  });
});
