import { OPTIONAL_SECTIONS } from "@/lib/bundle/sections";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decryptCredentials, openBundleEncryption } from "@/lib/bundle/bundle-crypto";
import { serializeBundle } from "@/lib/bundle/canonical-json";
import { parseBundleText } from "@/lib/bundle/parse-bundle";
import { db } from "@/lib/db";
import { DEMO_SECRETS } from "@/lib/demo/seed-demo-data";
import { actorFor } from "@/test/actors";
import { prepareExport, readAll } from "./export-project";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

async function exportText(email: string, options: unknown, target: { projectSlug?: string; modelSlug?: string } = {}) {
  const prepared = await prepareExport({
    actor: await actorFor(email),
    tenantSlug: "acme",
    projectSlug: target.projectSlug ?? "sales-analytics",
    modelSlug: target.modelSlug,
    options,
  });
  return { filename: prepared.filename, text: await readAll(prepared.open()) };
}

describe("project export", () => {
  it("exports the demo project with every default section, canonical and free of secrets and ids", async () => {
    const { filename, text } = await exportText("lead@acme.test", {});
    expect(filename).toMatch(/^sales-analytics-export-\d{4}-\d{2}-\d{2}\.json$/);
    const bundle = parseBundleText(text);
    expect(bundle).toMatchObject({
      format: "ferry.project",
      version: 1,
      scope: "project",
      project: { slug: "sales-analytics", displayName: "Sales Analytics", active: true },
    });
    expect(bundle.meta.exportedBy).toBe("lead@acme.test");
    expect(bundle.meta.source.tenant).toBe("acme");
    expect(bundle.sections).toEqual(["connections", "llmConfigs", "agent", "recipes", "settings"]);
    expect(bundle.accessBindings).toBeUndefined();
    expect(bundle.encryption).toBeUndefined();

    expect(bundle.models.map((m) => [m.slug, m.versions.length, m.deployedVersion])).toEqual([
      ["customers", 3, 3],
      ["order-items", 3, null],
      ["orders", 4, 3],
      ["products", 3, 2],
      ["returns", 3, 1],
      ["web-sessions", 5, 4],
    ]);
    const orders = bundle.models.find((m) => m.slug === "orders")!;
    expect(orders.connection).toBe("warehouse-pg");
    expect(orders.versions.map((v) => v.number)).toEqual([1, 2, 3, 4]);
    expect(orders.aggregates.map((a) => a.name)).toEqual(["daily_revenue", "revenue_by_channel"]);
    expect(orders.pockets.map((p) => p.name)).toEqual(["recent_orders"]);
    expect(orders.draft).toEqual(orders.versions[3]!.snapshot);

    expect(bundle.connections!.map((c) => [c.name, c.type, c.credentials])).toEqual([
      ["bq-events", "bigquery", "stripped"],
      ["snowflake-prod", "snowflake", "stripped"],
      ["warehouse-pg", "postgres", "stripped"],
    ]);
    expect(bundle.llmConfigs!.map((l) => [l.name, l.provider, l.credentials])).toEqual([
      ["judge", "anthropic", "stripped"],
      ["primary", "openai", "stripped"],
    ]);
    expect(bundle.agent!.modelContexts.map((c) => c.model)).toEqual(["customers", "orders", "web-sessions"]);
    expect(bundle.recipes!.map((r) => r.slug)).toEqual(["return-rate", "revenue-per-session"]);
    expect(bundle.settings!.length).toBe(11);

    // Nothing operational, no secrets, no database ids.
    for (const absent of [
      "SELECT sum(amount)",
      "What was churn",
      "warehouse timeout",
      "Revenue yesterday",
      "refresh:daily_revenue",
      "READY",
      "FRESH",
      "STALE",
      "passwordHash",
      "scrypt$",
    ])
      expect(text).not.toContain(absent);
    for (const secret of Object.values(DEMO_SECRETS)) expect(text).not.toContain(secret);
    expect(text).not.toMatch(UUID);

    // Canonical: re-serialising the parsed bundle gives the same bytes; 2-space indent, newline at the end.
    expect(serializeBundle(bundle)).toBe(text);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")[1]).toBe('  "format": "ferry.project",');
  });

  it("is byte-identical across stable exports", async () => {
    const first = await exportText("lead@acme.test", {
      stable: true,
      sections: OPTIONAL_SECTIONS,
    });
    const second = await exportText("lead@acme.test", {
      stable: true,
      sections: OPTIONAL_SECTIONS,
    });
    expect(second.text).toBe(first.text);
    expect(first.text).not.toContain("exportedAt");
    const bundle = parseBundleText(first.text);
    expect(bundle.accessBindings).toEqual([
      { user: "analyst@acme.test", role: "VIEWER", model: null },
      { user: "analyst@acme.test", role: "EDITOR", model: "web-sessions" },
      { user: "lead@acme.test", role: "ADMIN", model: null },
    ]);
  });

  it("writes snapshots from PostgreSQL's jsonb text exactly as the canonical form, whatever they hold", async () => {
    // Values whose jsonb text differs from JSON.stringify's: numerics as stored, escapes, array-index
    // keys (a JavaScript object lists them first), deep and empty containers, non-ASCII.
    const awkward = String.raw`{"numbers": [1.50, 0.00000015, 100000000000000000000000, 123456789012345678, -0.0, 0.30000000000000004, 1e400, 2.5E+3],
      "text": ["quote \" backslash \\ slash / tab \t nl \n", "\u0001\u001f\u007f", "é 🚢 \u2028 \ud83d\udea2", ""],
      "byIndex": {"b": 1, "10": 2, "9": 3, "01": 4, "4294967295": 5},
      "nested": {"a": [], "b": {}, "c": [[[{"d": [null, true, false]}]]]}}`;
    await db.$executeRawUnsafe(
      `UPDATE "ModelVersion" SET snapshot = snapshot || $1::jsonb WHERE number = 2 AND "modelId" = (SELECT id FROM "Model" WHERE slug = 'orders')`,
      awkward,
    );
    await db.$executeRawUnsafe(
      `UPDATE "ModelVersion" SET snapshot = snapshot || '{"plain": {"z": 1.0, "a": "x"}}'::jsonb WHERE number = 1 AND "modelId" = (SELECT id FROM "Model" WHERE slug = 'orders')`,
    );
    const { text } = await exportText("lead@acme.test", { stable: true });
    const bundle = parseBundleText(text);
    expect(serializeBundle(bundle)).toBe(text);
    const versions = bundle.models.find((m) => m.slug === "orders")!.versions;
    const snapshot = versions.find((v) => v.number === 2)!.snapshot as Record<string, unknown>;
    expect(snapshot.numbers).toEqual([1.5, 1.5e-7, 1e23, 123456789012345680, 0, 0.30000000000000004, null, 2500]);
    expect(snapshot.text).toEqual([
      'quote " backslash \\ slash / tab \t nl \n',
      "\u0001\u001f\u007f",
      "é 🚢 \u2028 🚢",
      "",
    ]);
    expect(Object.keys(snapshot.byIndex as object)).toEqual(["9", "10", "b", "01", "4294967295"]);
    expect(snapshot.nested).toEqual({ a: [], b: {}, c: [[[{ d: [null, true, false] }]]] });
    expect((versions.find((v) => v.number === 1)!.snapshot as Record<string, unknown>).plain).toEqual({ a: "x", z: 1 });
    expect(text).toContain('"numbers": [\n              1.5,\n              1.5e-7,');
  });

  it("encrypts credentials under the passphrase so that they decrypt back to the stored secrets", async () => {
    const { text } = await exportText("admin@acme.test", {
      includeCredentials: true,
      passphrase: "correct horse battery",
    });
    for (const secret of Object.values(DEMO_SECRETS)) expect(text).not.toContain(secret);
    const bundle = parseBundleText(text);
    expect(bundle.encryption).toMatchObject({ cipher: "fernet", kdf: "pbkdf2-sha256", iterations: 600_000 });
    expect(Buffer.from(bundle.encryption!.salt, "base64")).toHaveLength(16);
    const key = await openBundleEncryption(bundle.encryption!, "correct horse battery");
    const secrets = Object.fromEntries(
      bundle.connections!.map((c, i) => [c.name, decryptCredentials(key, c.credentials, `connections.${i}`)]),
    );
    expect(secrets["warehouse-pg"]).toEqual({ password: DEMO_SECRETS.warehousePg });
    expect(secrets["bq-events"]).toMatchObject({ serviceAccountKey: { private_key: DEMO_SECRETS.bigqueryKey } });
    expect(
      decryptCredentials(key, bundle.llmConfigs!.find((l) => l.name === "primary")!.credentials, "llmConfigs.1"),
    ).toEqual({ apiKey: DEMO_SECRETS.openai });
    await expect(openBundleEncryption(bundle.encryption!, "wrong passphrase")).rejects.toMatchObject({
      code: "WRONG_PASSPHRASE",
    });
  });

  it.runIf(spawnSync("python3", ["-c", "import cryptography"]).status === 0)(
    "decrypts with the documented Python recipe (cryptography)",
    async () => {
      const { text } = await exportText("admin@acme.test", {
        includeCredentials: true,
        passphrase: "pässphrase with ünïcode",
      });
      const file = path.join(os.tmpdir(), `ferry-py-${process.pid}.json`);
      fs.writeFileSync(file, text);
      const result = spawnSync("python3", [path.resolve("docs/decrypt-bundle.py"), file], {
        input: "pässphrase with ünïcode\n",
        encoding: "utf8",
      });
      fs.rmSync(file);
      expect(result.stderr).toBe("");
      const lines = result.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { section: string; name: string; secret: Record<string, unknown> });
      expect(lines).toHaveLength(5);
      expect(lines.find((l) => l.name === "snowflake-prod")!.secret).toEqual({ password: DEMO_SECRETS.snowflake });
      expect(lines.find((l) => l.name === "judge")!.secret).toEqual({ apiKey: DEMO_SECRETS.anthropic });
    },
  );

  it("carries connection secrets out for a tenant admin only: a project ADMIN's export holds the LLM keys alone, and says so", async () => {
    const options = { includeCredentials: true, passphrase: "correct horse battery" };
    const prepared = await prepareExport({
      actor: await actorFor("lead@acme.test"),
      tenantSlug: "acme",
      projectSlug: "sales-analytics",
      options,
    });
    expect(prepared.secrets).toBe("llm-keys");
    const text = await readAll(prepared.open());
    for (const secret of Object.values(DEMO_SECRETS)) expect(text).not.toContain(secret);
    const bundle = parseBundleText(text);
    expect(bundle.connections!.map((c) => c.credentials)).toEqual(bundle.connections!.map(() => "stripped"));
    const key = await openBundleEncryption(bundle.encryption!, options.passphrase);
    const primary = bundle.llmConfigs!.find((l) => l.name === "primary")!;
    expect(decryptCredentials(key, primary.credentials, "llmConfigs.1")).toEqual({ apiKey: DEMO_SECRETS.openai });
    const [event] = await db.auditEvent.findMany({
      where: { action: "project.export", actorEmail: "lead@acme.test" },
      orderBy: { at: "desc" },
      take: 1,
    });
    expect(event!.summary).toMatchObject({ credentials: "encrypted", connectionSecrets: "stripped" });

    const admin = await prepareExport({
      actor: await actorFor("admin@acme.test"),
      tenantSlug: "acme",
      projectSlug: "sales-analytics",
      options,
    });
    expect(admin.secrets).toBe("all");
    const full = parseBundleText(await readAll(admin.open()));
    expect(full.connections!.every((c) => c.credentials !== "stripped")).toBe(true);

    // A model EDITOR (VIEWER of the project) and a project ADMIN never carry credentials out with a model.
    for (const email of ["analyst@acme.test", "lead@acme.test"])
      await expect(exportText(email, options, { modelSlug: "web-sessions" })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: expect.stringMatching(/tenant admin/),
      });
    const model = await prepareExport({
      actor: await actorFor("admin@acme.test"),
      tenantSlug: "acme",
      projectSlug: "sales-analytics",
      modelSlug: "web-sessions",
      options,
    });
    expect(model.secrets).toBe("all");
  });

  it("refuses the wrong roles and bad options with the SPEC codes", async () => {
    await expect(exportText("analyst@acme.test", {})).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
    await expect(exportText("admin@globex.test", {})).rejects.toMatchObject({ status: 404 });
    await expect(exportText("lead@acme.test", {}, { projectSlug: "marketing-dev" })).rejects.toMatchObject({
      code: "PROJECT_NOT_FOUND",
    });
    await expect(exportText("lead@acme.test", { sections: ["connections", "queryLogs"] })).rejects.toMatchObject({
      code: "INVALID_OPTIONS",
    });
    await expect(exportText("lead@acme.test", { includeCredentials: true })).rejects.toMatchObject({
      code: "PASSPHRASE_REQUIRED",
    });
    await expect(exportText("lead@acme.test", { includeCredentials: true, passphrase: "short" })).rejects.toMatchObject(
      { code: "PASSPHRASE_TOO_SHORT" },
    );
    await expect(exportText("lead@acme.test", { stable: "yes" })).rejects.toMatchObject({ code: "INVALID_OPTIONS" });
  });

  it("records an audit event per export", async () => {
    const before = await db.auditEvent.count({ where: { action: "project.export" } });
    await exportText("lead@acme.test", { sections: ["settings"] });
    const events = await db.auditEvent.findMany({ where: { action: "project.export" }, orderBy: { at: "desc" } });
    expect(events.length).toBe(before + 1);
    expect(events[0]).toMatchObject({
      actorEmail: "lead@acme.test",
      target: "acme/sales-analytics",
      summary: { outcome: "succeeded", sections: ["settings"], credentials: "stripped", models: 6 },
    });
  });
});

// Model bundles are read as plain JSON here: the bundle parser still holds a model bundle to one
// model, while SPEC §2 lets it carry the models the chosen one joins to.
function readModelBundle(text: string) {
  return JSON.parse(text) as {
    scope: string;
    sections: string[];
    models: { slug: string }[];
    connections?: { name: string }[];
  };
}

describe("model export", () => {
  it("follows joins transitively and includes only the joined models asked for", async () => {
    const all = readModelBundle((await exportText("lead@acme.test", {}, { modelSlug: "order-items" })).text);
    expect(all.models.map((m) => m.slug)).toEqual(["customers", "order-items", "orders", "products"]);
    const some = readModelBundle(
      (await exportText("lead@acme.test", { joinedModels: ["products"] }, { modelSlug: "order-items" })).text,
    );
    expect(some.models.map((m) => m.slug)).toEqual(["order-items", "products"]);
    await expect(
      exportText("lead@acme.test", { joinedModels: ["web-sessions"] }, { modelSlug: "order-items" }),
    ).rejects.toMatchObject({ code: "INVALID_OPTIONS" });
    await expect(exportText("lead@acme.test", { joinedModels: [] })).rejects.toMatchObject({
      code: "INVALID_OPTIONS",
    });
  });

  it("exports a model with the models it joins to and the connections they need, for its editors", async () => {
    const { filename, text } = await exportText("analyst@acme.test", {}, { modelSlug: "web-sessions" });
    expect(filename).toMatch(/^sales-analytics-web-sessions-model-export-/);
    const bundle = readModelBundle(text);
    expect(bundle.scope).toBe("model");
    expect(bundle.sections).toEqual(["connections"]);
    expect(bundle.models.map((m) => m.slug)).toEqual(["customers", "web-sessions"]);
    expect(bundle.connections!.map((c) => c.name)).toEqual(["bq-events", "warehouse-pg"]);

    const alone = readModelBundle(
      (await exportText("analyst@acme.test", { joinedModels: [] }, { modelSlug: "web-sessions" })).text,
    );
    expect(alone.models.map((m) => m.slug)).toEqual(["web-sessions"]);
    expect(alone.connections!.map((c) => c.name)).toEqual(["bq-events"]);
    await expect(exportText("analyst@acme.test", {}, { modelSlug: "orders" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("answers a cross-tenant export PROJECT_NOT_FOUND, and asks an exporter to choose a passphrase", async () => {
    await expect(
      prepareExport({
        actor: await actorFor("admin@acme.test"),
        tenantSlug: "globex",
        projectSlug: "finance",
        options: {},
      }),
    ).rejects.toMatchObject({ code: "PROJECT_NOT_FOUND" });
    await expect(
      prepareExport({
        actor: await actorFor("admin@acme.test"),
        tenantSlug: "acme",
        projectSlug: "sales-analytics",
        options: { includeCredentials: true },
      }),
    ).rejects.toMatchObject({
      code: "PASSPHRASE_REQUIRED",
      message: expect.stringMatching(/^Choose a passphrase \(at least 8 characters\)/),
    });
  });
});
