import { OPTIONAL_SECTIONS } from "@/lib/bundle/sections";
import { describe, expect, it } from "vitest";
import { serializeBundle } from "@/lib/bundle/canonical-json";
import { parseBundleText } from "@/lib/bundle/parse-bundle";
import type { Bundle, Snapshot } from "@/lib/bundle/schema";
import { cliActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import { DEMO_SECRETS } from "@/lib/demo/seed-demo-data";
import { createTenant } from "@/lib/demo/factories";
import { prepareExport, readAll } from "@/lib/export/export-project";
import { tenantCipher } from "@/lib/secrets/tenant-secrets";
import { actorFor } from "@/test/actors";
import { dbFingerprint } from "@/test/db-fingerprint";
import { IMPORT_WRITE_STEPS } from "./fault-point";
import { importBundle } from "@/test/import-bundle";

const PASSPHRASE = "ferry import passphrase";
const bytes = (text: string) => new TextEncoder().encode(text);
const ALL = { sections: OPTIONAL_SECTIONS };
const sameNames = {
  "bq-events": { action: "map", target: "bq-events" },
  "snowflake-prod": { action: "map", target: "snowflake-prod" },
  "warehouse-pg": { action: "map", target: "warehouse-pg" },
} as const;

async function exportOf(
  projectSlug: string,
  options: Record<string, unknown> = {},
  tenantSlug = "acme",
  email = "root@ferry.test",
): Promise<string> {
  const prepared = await prepareExport({
    actor: await actorFor(email),
    tenantSlug,
    projectSlug,
    options: { stable: true, ...options },
  });
  return readAll(prepared.open());
}

/** A bundle minus what legitimately differs after a round trip: meta and deployed versions. */
function comparable(text: string): unknown {
  const bundle = parseBundleText(text) as Bundle;
  return {
    ...bundle,
    meta: null,
    project: { ...bundle.project, slug: null, displayName: null },
    models: bundle.models.map((m) => ({ ...m, deployedVersion: null })),
  };
}

describe("project import", () => {
  it("imports the demo project under a new slug in the same tenant, mapping connections, and resets deployments", async () => {
    const admin = await actorFor("admin@acme.test");
    const source = await exportOf("sales-analytics", ALL);
    const result = await importBundle({
      actor: admin,
      bundle: bytes(source),
      options: {
        mode: "create",
        tenant: "acme",
        projectSlug: "sales-copy",
        displayName: "Sales (copy)",
        connectionMapping: sameNames,
      },
    });
    expect(result.project).toMatchObject({
      tenant: "acme",
      slug: "sales-copy",
      displayName: "Sales (copy)",
      href: "/t/acme/p/sales-copy",
    });
    expect(result.summary.models).toEqual({ created: 6, updated: 0, skipped: 0 });
    expect(result.summary.versions!.created).toBe(21);
    expect(result.summary.connections).toEqual({ created: 0, updated: 0, skipped: 3 });
    expect(
      result.warnings.some((w) => w.code === "SHARED_CONNECTION_MAPPED" && w.message.includes("sales-analytics")),
    ).toBe(true);
    expect(result.requiredActions.filter((a) => a.kind === "deploy-model").map((a) => a.message)).toContain(
      'Deploy model "orders" (v3 was live in the source).',
    );
    expect(result.requiredActions.some((a) => a.kind === "refresh")).toBe(true);
    expect(result.requiredActions.filter((a) => a.kind === "enter-credentials").length).toBe(2); // both LLM keys were stripped
    expect(result.requiredActions.some((a) => a.kind === "retest-agent")).toBe(true);

    const models = await db.model.findMany({
      where: { project: { slug: "sales-copy" } },
      include: { aggregates: true, pocketTables: true },
    });
    expect(models.every((m) => m.deployedVersion === null)).toBe(true);
    expect(models.flatMap((m) => m.aggregates).every((a) => a.status === "PENDING")).toBe(true);
    expect(models.flatMap((m) => m.pocketTables).every((p) => p.status === "STALE")).toBe(true);
    const llm = await db.llmConfig.findMany({ where: { project: { slug: "sales-copy" } } });
    expect(llm.map((l) => l.status)).toEqual(["PENDING_CREDENTIALS", "PENDING_CREDENTIALS"]);
    // Tenant connections are shared, not copied.
    expect(await db.connection.count({ where: { tenant: { slug: "acme" } } })).toBe(4);

    // Content equal to the source, apart from the new slug, meta and deployments.
    const copy = await exportOf("sales-copy", ALL);
    expect(comparable(copy)).toEqual(comparable(source));
  });

  it("keeps a setting whose value is JSON null (a legitimate value) through export and import", async () => {
    const admin = await actorFor("admin@acme.test");
    const project = await db.project.findFirstOrThrow({ where: { slug: "sales-analytics", tenant: { slug: "acme" } } });
    await db.projectSetting.create({
      data: { projectId: project.id, key: "nullable.setting", value: Prisma.JsonNull },
    });
    try {
      const source = await exportOf("sales-analytics", ALL);
      expect(parseBundleText(source).settings).toContainEqual({ key: "nullable.setting", value: null });
      const result = await importBundle({
        actor: admin,
        bundle: bytes(source),
        options: { mode: "create", tenant: "acme", projectSlug: "null-setting-copy", connectionMapping: sameNames },
      });
      const copy = await db.projectSetting.findFirstOrThrow({
        where: { key: "nullable.setting", project: { slug: result.project.slug } },
      });
      expect(copy.value).toBeNull();
    } finally {
      await db.project.deleteMany({ where: { slug: "null-setting-copy" } });
      await db.projectSetting.deleteMany({ where: { projectId: project.id, key: "nullable.setting" } });
    }
  });

  it("imports into another tenant, creating connections from encrypted credentials, and skips unknown users", async () => {
    const source = await exportOf("sales-analytics", { ...ALL, includeCredentials: true, passphrase: PASSPHRASE });
    const globexAdmin = await actorFor("admin@globex.test");
    const result = await importBundle({
      actor: globexAdmin,
      bundle: bytes(source),
      options: {
        mode: "create",
        passphrase: PASSPHRASE,
        connectionMapping: {
          "warehouse-pg": { action: "map", target: "globex-pg" },
          "bq-events": { action: "pending" },
        },
      },
    });
    expect(result.project.tenant).toBe("globex");
    expect(result.connections.map((c) => [c.exportedName, c.action, c.targetName])).toEqual([
      ["bq-events", "pending", "bq-events"],
      ["snowflake-prod", "create", "snowflake-prod"],
      ["warehouse-pg", "map", "globex-pg"],
    ]);
    expect(result.summary.accessBindings).toEqual({ created: 0, updated: 0, skipped: 3 });
    expect(result.warnings.filter((w) => w.code === "ACCESS_BINDING_SKIPPED")).toHaveLength(2);
    expect(result.requiredActions.some((a) => a.kind === "enter-credentials" && a.message.includes("bq-events"))).toBe(
      true,
    );

    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "globex" } });
    const cipher = await tenantCipher({ tenantId: tenant.id });
    const snowflake = await db.connection.findUniqueOrThrow({
      where: { tenantId_name: { tenantId: tenant.id, name: "snowflake-prod" } },
    });
    expect(snowflake.status).toBe("ACTIVE");
    expect(cipher.decrypt(snowflake.secretEncrypted!)).toEqual({ password: DEMO_SECRETS.snowflake });
    const bq = await db.connection.findUniqueOrThrow({
      where: { tenantId_name: { tenantId: tenant.id, name: "bq-events" } },
    });
    expect(bq).toMatchObject({ status: "PENDING_CREDENTIALS", secretEncrypted: null });
    const orders = await db.model.findFirstOrThrow({
      where: { slug: "orders", project: { slug: "sales-analytics", tenantId: tenant.id } },
      include: { connection: true },
    });
    expect(orders.connection!.name).toBe("globex-pg");
    const primary = await db.llmConfig.findFirstOrThrow({
      where: { name: "primary", project: { tenantId: tenant.id } },
    });
    expect(cipher.decrypt(primary.apiKeyEncrypted!)).toEqual({ apiKey: DEMO_SECRETS.openai });
    // globex-pg kept its own secret (no override).
    const globexPg = await db.connection.findUniqueOrThrow({
      where: { tenantId_name: { tenantId: tenant.id, name: "globex-pg" } },
    });
    expect(cipher.decrypt(globexPg.secretEncrypted!)).toEqual({ password: DEMO_SECRETS.globexPg });
  });

  it("renames models and rewrites every reference", async () => {
    const source = await exportOf("sales-analytics", ALL);
    await importBundle({
      actor: await actorFor("root@ferry.test"),
      bundle: bytes(source),
      options: {
        mode: "create",
        tenant: "acme",
        projectSlug: "renamed",
        connectionMapping: sameNames,
        modelSlugOverrides: { orders: "purchases", "web-sessions": "visits" },
      },
    });
    const text = await exportOf("renamed", ALL);
    expect(text).not.toMatch(/"orders"|orders\.|\$\{orders\}|"web-sessions"|web-sessions\./);
    const bundle = parseBundleText(text);
    expect(bundle.models.map((m) => m.slug)).toEqual([
      "customers",
      "order-items",
      "products",
      "purchases",
      "returns",
      "visits",
    ]);
    expect(bundle.recipes!.find((r) => r.slug === "revenue-per-session")!.definition).toMatchObject({
      models: ["purchases", "visits"],
      steps: [
        { measure: "purchases.revenue" },
        { measure: "visits.sessions" },
        { expression: "purchases.revenue / visits.sessions" },
      ],
    });
    expect(bundle.agent!.modelContexts.map((c) => c.model)).toEqual(["customers", "purchases", "visits"]);
    expect(bundle.accessBindings!.find((b) => b.model !== null)!.model).toBe("visits");
    expect(bundle.models.find((m) => m.slug === "order-items")!.draft.joins.map((j) => j.model)).toEqual([
      "purchases",
      "products",
    ]);
    expect(bundle.models.find((m) => m.slug === "order-items")!.draft.joins[0]!.on).toContain("${purchases}");
  });

  it("replaces a project idempotently, keeping its operational history", async () => {
    const root = await actorFor("root@ferry.test");
    const source = await exportOf("sales-analytics", ALL);
    const history = await db.queryLog.count({ where: { project: { slug: "sales-analytics" } } });
    const options = { mode: "replace", tenant: "acme", connectionMapping: sameNames };
    const first = await importBundle({ actor: root, bundle: bytes(source), options });
    expect(first.summary.project).toEqual({ created: 0, updated: 1, skipped: 0 });
    const afterFirst = await exportOf("sales-analytics", ALL);
    await importBundle({ actor: root, bundle: bytes(source), options });
    const afterSecond = await exportOf("sales-analytics", ALL);
    expect(afterSecond).toBe(afterFirst);
    expect(comparable(afterFirst)).toEqual(comparable(source));
    expect(await db.queryLog.count({ where: { project: { slug: "sales-analytics" } } })).toBe(history);
    expect(await db.connection.count({ where: { tenant: { slug: "acme" } } })).toBe(4);
  });

  it("round-trips byte-identically through an empty tenant (apart from meta and deployments)", async () => {
    await createTenant(db, { slug: "empty", name: "Empty" });
    const source = await exportOf("sales-analytics", { ...ALL, includeCredentials: true, passphrase: PASSPHRASE });
    await importBundle({
      actor: cliActor(),
      bundle: bytes(source),
      options: { mode: "create", tenant: "empty", passphrase: PASSPHRASE, createUsers: true },
    });
    const again = await exportOf("sales-analytics", ALL, "empty");
    const original = await exportOf("sales-analytics", ALL, "acme");
    const strip = (text: string) =>
      text.replace(/"meta": \{[^}]*\{[^}]*\}\n  \}/, "").replace(/"deployedVersion": (\d+|null)/g, "");
    expect(strip(again)).toBe(strip(original));
  });
});

describe("import safety", () => {
  it("reports a wrong passphrase before writing anything", async () => {
    const source = await exportOf("sales-analytics", { includeCredentials: true, passphrase: PASSPHRASE });
    const before = await dbFingerprint();
    await expect(
      importBundle({
        actor: await actorFor("admin@globex.test"),
        bundle: bytes(source),
        options: { mode: "create", passphrase: "not the passphrase" },
      }),
    ).rejects.toMatchObject({ code: "WRONG_PASSPHRASE" });
    await expect(
      importBundle({ actor: await actorFor("admin@globex.test"), bundle: bytes(source), options: { mode: "create" } }),
    ).rejects.toMatchObject({ code: "PASSPHRASE_REQUIRED" });
    expect(await dbFingerprint()).toEqual(before);
  });

  it("checks every credential token and its shape at dry run, as the import would, writing nothing", async () => {
    const source = await exportOf("sales-analytics", { ...ALL, includeCredentials: true, passphrase: PASSPHRASE });
    const bundle = parseBundleText(source) as Bundle;
    const { openBundleEncryption, encryptCredentials } = await import("@/lib/bundle/bundle-crypto");
    const key = await openBundleEncryption(bundle.encryption!, PASSPHRASE);
    const other = await openBundleEncryption(
      (
        parseBundleText(
          await exportOf("sales-analytics", { includeCredentials: true, passphrase: "another pass 123" }),
        ) as Bundle
      ).encryption!,
      "another pass 123",
    );
    const token = (c: { credentials: unknown }) => (c.credentials as { encrypted: string }).encrypted;
    const withConnection = (index: number, credentials: unknown) =>
      serializeBundle({
        ...bundle,
        connections: bundle.connections!.map((c, i) => (i === index ? { ...c, credentials } : c)) as never,
      });
    const pg = bundle.connections!.findIndex((c) => c.type === "postgres");
    const bq = bundle.connections!.find((c) => c.type === "bigquery")!;
    const flipped = token(bundle.connections![pg]!).replace(/.(?=.{12}$)/, (c) => (c === "A" ? "B" : "A"));
    const cases: [string, string][] = [
      ["flipped bit", withConnection(pg, { encrypted: flipped })],
      ["another key", withConnection(pg, encryptCredentials(other, { password: "x" }))],
      ["truncated", withConnection(pg, { encrypted: token(bundle.connections![pg]!).slice(0, 40) })],
      ["the verifier as a secret", withConnection(pg, { encrypted: bundle.encryption!.verifier })],
      ["a bigquery key on a postgres connection", withConnection(pg, bq.credentials)],
      [
        "a password as an LLM key",
        serializeBundle({
          ...bundle,
          llmConfigs: bundle.llmConfigs!.map((l, i) =>
            i === 0 ? { ...l, credentials: encryptCredentials(key, { password: "pw" }) } : l,
          ),
        }),
      ],
    ];
    const admin = await actorFor("admin@globex.test");
    const before = await dbFingerprint();
    for (const [name, text] of cases) {
      for (const dryRun of [true, false]) {
        const attempt = importBundle({
          actor: admin,
          bundle: bytes(text),
          options: { mode: "create", projectSlug: "secrets-checked", passphrase: PASSPHRASE, dryRun },
        });
        await expect(attempt, name).rejects.toMatchObject({
          code: "INVALID_BUNDLE",
          details: [{ path: expect.stringMatching(/^(connections|llmConfigs)\.\d+(\.credentials)?$/) }],
        });
      }
    }
    expect(await dbFingerprint()).toEqual(before);
  });

  it("rolls back completely when any write step fails", async () => {
    const source = await exportOf("sales-analytics", { ...ALL, includeCredentials: true, passphrase: PASSPHRASE });
    const names = ["bq-events", "snowflake-prod", "warehouse-pg"];
    await createTenant(db, { slug: "faults", name: "Faults" });
    const actor = cliActor();
    await importBundle({
      actor,
      bundle: bytes(source),
      options: { mode: "create", tenant: "faults", projectSlug: "base", passphrase: PASSPHRASE, createUsers: true },
    });
    for (const step of IMPORT_WRITE_STEPS) {
      const variants = {
        create: {
          mode: "create",
          projectSlug: `fault-${step.toLowerCase()}`,
          connectionMapping: Object.fromEntries(names.map((n) => [n, { action: "create", name: `${n}-${step}` }])),
        },
        replace: {
          mode: "replace",
          projectSlug: "base",
          overrideCredentials: true,
          connectionMapping: Object.fromEntries(names.map((n) => [n, { action: "map", target: n }])),
        },
      };
      for (const [mode, variant] of Object.entries(variants)) {
        // Every passphrase attempt counts towards a per-minute limit; this loop unlocks dozens.
        await db.rateLimitHit.deleteMany();
        const before = await dbFingerprint();
        process.env.FERRY_TEST_FAULT = step;
        try {
          await expect(
            importBundle({
              actor,
              bundle: bytes(source),
              options: { ...variant, tenant: "faults", passphrase: PASSPHRASE, createUsers: true },
            }),
          ).rejects.toThrow(`Injected fault at import step "${step}"`);
        } finally {
          delete process.env.FERRY_TEST_FAULT;
        }
        expect(await dbFingerprint(), `after a fault at ${step} (${mode})`).toEqual(before);
      }
    }
  });

  it("lets exactly one of five concurrent creates of one slug succeed", async () => {
    const source = await exportOf("marketing-dev", {});
    const actor = await actorFor("admin@acme.test");
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        importBundle({
          actor,
          bundle: bytes(source),
          options: {
            mode: "create",
            projectSlug: "race",
            connectionMapping: { "warehouse-pg": { action: "map", target: "warehouse-pg" } },
          },
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const failures = attempts
      .filter((a): a is PromiseRejectedResult => a.status === "rejected")
      .map((a) => (a.reason as { code: string }).code);
    expect(failures).toEqual(["SLUG_TAKEN", "SLUG_TAKEN", "SLUG_TAKEN", "SLUG_TAKEN"]);
    expect(await db.project.count({ where: { slug: "race" } })).toBe(1);
  });

  it("validates options and target before writing", async () => {
    const source = await exportOf("sales-analytics", ALL);
    const admin = await actorFor("admin@acme.test");
    const attempt = (options: Record<string, unknown>) =>
      importBundle({ actor: admin, bundle: bytes(source), options });
    const before = await dbFingerprint();
    await expect(attempt({ mode: "create" })).rejects.toMatchObject({
      code: "SLUG_TAKEN",
      details: { slug: "sales-analytics", suggestion: "sales-analytics-2" },
    });
    await expect(attempt({ mode: "create", projectSlug: "Bad Slug" })).rejects.toMatchObject({ code: "INVALID_SLUG" });
    await expect(attempt({ mode: "create", projectSlug: "fresh" })).rejects.toMatchObject({
      code: "CONNECTION_MAPPING_REQUIRED",
    });
    await expect(
      attempt({
        mode: "create",
        projectSlug: "fresh",
        connectionMapping: { ...sameNames, "warehouse-pg": { action: "map", target: "snowflake-prod" } },
      }),
    ).rejects.toMatchObject({ code: "CONNECTION_TYPE_MISMATCH" });
    await expect(
      attempt({
        mode: "create",
        projectSlug: "fresh",
        connectionMapping: sameNames,
        modelSlugOverrides: { orders: "customers" },
      }),
    ).rejects.toMatchObject({ code: "INVALID_OPTIONS" });
    await expect(
      attempt({
        mode: "create",
        projectSlug: "fresh",
        connectionMapping: sameNames,
        modelSlugOverrides: { orders: "Not A Slug" },
      }),
    ).rejects.toMatchObject({ code: "INVALID_SLUG" });
    await expect(
      attempt({
        mode: "create",
        projectSlug: "fresh",
        connectionMapping: sameNames,
        modelSlugOverrides: { ghost: "x" },
      }),
    ).rejects.toMatchObject({ code: "INVALID_OPTIONS" });
    await expect(attempt({ mode: "replace", projectSlug: "nope", connectionMapping: sameNames })).rejects.toMatchObject(
      { code: "PROJECT_NOT_FOUND" },
    );
    await expect(attempt({ mode: "upsert" })).rejects.toMatchObject({ code: "INVALID_OPTIONS" });
    await expect(
      importBundle({
        actor: await actorFor("lead@acme.test"),
        bundle: bytes(source),
        options: { mode: "create", tenant: "acme", projectSlug: "fresh" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      importBundle({ actor: admin, bundle: bytes("{ truncated"), options: { mode: "create" } }),
    ).rejects.toMatchObject({ code: "INVALID_JSON" });
    const dry = await attempt({ mode: "create", projectSlug: "fresh", connectionMapping: sameNames, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, summary: { models: { created: 6 } } });
    expect(await dbFingerprint()).toEqual(before);
  });
});

describe("model import", () => {
  it("imports one model into an existing project, then replaces it in place", async () => {
    const prepared = await prepareExport({
      actor: await actorFor("lead@acme.test"),
      tenantSlug: "acme",
      projectSlug: "sales-analytics",
      modelSlug: "customers",
      options: {},
    });
    const text = await readAll(prepared.open());
    const admin = await actorFor("admin@acme.test");
    const options = {
      mode: "create",
      tenant: "acme",
      projectSlug: "marketing-dev",
      connectionMapping: { "warehouse-pg": { action: "map", target: "warehouse-pg" } },
    };
    await expect(importBundle({ actor: admin, bundle: bytes(text), options })).rejects.toMatchObject({
      code: "INVALID_BUNDLE",
    });
    const created = await importBundle({ actor: admin, bundle: bytes(text), options, expectScope: "model" });
    expect(created).toMatchObject({
      scope: "model",
      project: { slug: "marketing-dev" },
      summary: { models: { created: 1 }, versions: { created: 3 } },
    });
    await expect(
      importBundle({ actor: admin, bundle: bytes(text), options, expectScope: "model" }),
    ).rejects.toMatchObject({ code: "SLUG_TAKEN", details: { suggestion: "customers-2" } });
    const renamed = await importBundle({
      actor: admin,
      bundle: bytes(text),
      options: { ...options, modelSlugOverrides: { customers: "clients" } },
      expectScope: "model",
    });
    expect(renamed.requiredActions[0]!.href).toBe("/t/acme/p/marketing-dev/m/clients");
    const replaced = await importBundle({
      actor: admin,
      bundle: bytes(text),
      options: { ...options, mode: "replace" },
      expectScope: "model",
    });
    expect(replaced.summary.models).toEqual({ created: 0, updated: 1, skipped: 0 });
    expect(await db.model.count({ where: { project: { slug: "marketing-dev" } } })).toBe(3);
    expect(
      await db.modelVersion.count({ where: { model: { slug: "customers", project: { slug: "marketing-dev" } } } }),
    ).toBe(3);
  });
});

describe("import obeys the forms' rules (SPEC §6)", () => {
  it("a bundle without connections links same-named connections, and says so with their types", async () => {
    const source = await exportOf("sales-analytics", { sections: ["settings"] });
    const result = await importBundle({
      actor: await actorFor("admin@acme.test"),
      bundle: bytes(source),
      options: { mode: "create", tenant: "acme", projectSlug: "no-connections" },
    });
    const warning = result.warnings.find((w) => w.code === "CONNECTIONS_MATCHED_BY_NAME");
    expect(warning?.message).toContain('"warehouse-pg" (postgres)');
    expect(warning?.message).toContain('"bq-events" (bigquery)');
    expect(result.summary.connections).toMatchObject({ created: 0, linked: expect.any(Number) });
    expect(result.plan.sections.find((s) => s.key === "connections")!.items.every((i) => i.action === "link")).toBe(
      true,
    );
  });

  it("a model bundle carrying settings, LLM configs or bindings is refused, writing nothing", async () => {
    const prepared = await prepareExport({
      actor: await actorFor("lead@acme.test"),
      tenantSlug: "acme",
      projectSlug: "sales-analytics",
      modelSlug: "customers",
      options: {},
    });
    const model = parseBundleText(await readAll(prepared.open())) as Bundle;
    const project = parseBundleText(await exportOf("sales-analytics", ALL)) as Bundle;
    const fingerprint = await dbFingerprint();
    for (const extra of [
      { sections: [...model.sections, "settings"], settings: project.settings },
      { sections: [...model.sections, "llmConfigs"], llmConfigs: project.llmConfigs },
      { sections: [...model.sections, "accessBindings"], accessBindings: project.accessBindings },
    ])
      await expect(
        importBundle({
          actor: await actorFor("admin@acme.test"),
          bundle: bytes(JSON.stringify({ ...model, ...extra })),
          options: {
            mode: "replace",
            tenant: "acme",
            projectSlug: "sales-analytics",
            connectionMapping: { "warehouse-pg": { action: "map", target: "warehouse-pg" } },
          },
          expectScope: "model",
        }),
      ).rejects.toMatchObject({ code: "INVALID_BUNDLE", details: [expect.objectContaining({ path: "sections" })] });
    expect(await dbFingerprint()).toEqual(fingerprint);
  });
});

describe("model import with joined models", () => {
  it("brings the models it joins to, keeps those the project already has, and replaces them all in place", async () => {
    const prepared = await prepareExport({
      actor: await actorFor("lead@acme.test"),
      tenantSlug: "acme",
      projectSlug: "sales-analytics",
      modelSlug: "orders",
      options: {},
    });
    const bundle = JSON.parse(await readAll(prepared.open())) as Bundle;
    const slugs = bundle.models.map((m) => m.slug);
    expect(slugs).toContain("customers");
    const admin = await actorFor("admin@acme.test");
    const connectionMapping = Object.fromEntries(
      (bundle.connections ?? []).map((c) => [c.name, { action: "map", target: c.name }]),
    );
    const acme = await db.tenant.findUniqueOrThrow({ where: { slug: "acme" } });
    await db.project.create({ data: { tenantId: acme.id, slug: "joined-target", displayName: "Joined target" } });
    const options = { mode: "create", tenant: "acme", projectSlug: "joined-target", connectionMapping };
    const text = JSON.stringify(bundle);
    const created = await importBundle({ actor: admin, bundle: bytes(text), options, expectScope: "model" });
    expect(created.summary.models).toEqual({ created: slugs.length, updated: 0, skipped: 0 });

    const again = await importBundle({
      actor: admin,
      bundle: bytes(text),
      options: { ...options, modelSlugOverrides: { orders: "orders-copy" } },
      expectScope: "model",
    });
    expect(again.summary.models).toEqual({ created: 1, updated: 0, skipped: slugs.length - 1 });
    expect(again.warnings.filter((w) => w.code === "MODEL_KEPT")).toHaveLength(slugs.length - 1);

    const replaced = await importBundle({
      actor: admin,
      bundle: bytes(text),
      options: { ...options, mode: "replace" },
      expectScope: "model",
    });
    expect(replaced.summary.models).toEqual({ created: 0, updated: slugs.length, skipped: 0 });
    expect(await db.model.count({ where: { project: { slug: "joined-target" }, slug: { in: slugs } } })).toBe(
      slugs.length,
    );
  });
});

describe("import fidelity", () => {
  it("keeps tabs, newlines, backslashes, quotes and unicode in versions intact (COPY escaping)", async () => {
    const tricky = 'line 1\n\tline 2 \\ back\\slash "quoted" \r ü 🚢 \\N';
    const source = await exportOf("marketing-dev", {});
    const bundle = JSON.parse(source) as Bundle;
    bundle.models[0]!.versions[0]!.message = tricky;
    bundle.models[0]!.versions[0]!.snapshot = {
      ...(bundle.models[0]!.versions[0]!.snapshot as Snapshot),
      description: tricky,
      "key\twith\ttabs": { "\\": "\n" },
      extra: { zz: 1, ü: 2, "10": 3, "9": 4, "a-b": 5, B: 6, "": 7, "01": 8 },
    };
    // Numbers and escapes come back from jsonb and must be written exactly as JSON.stringify writes them.
    bundle.models[0]!.versions[1]!.snapshot = {
      ...(bundle.models[0]!.versions[1]!.snapshot as Snapshot),
      numbers: [0.1, -0, 100, 1.5, 2e-7, 1e21, 123456789012, -3.25e-5],
      text: 'ctrl \u0001 del \u007f sep \u2028 emoji 🚢 "q" \\',
    };
    await importBundle({
      actor: await actorFor("admin@acme.test"),
      bundle: bytes(JSON.stringify(bundle)),
      options: {
        mode: "create",
        tenant: "acme",
        projectSlug: "tricky",
        connectionMapping: { "warehouse-pg": { action: "map", target: "warehouse-pg" } },
      },
    });
    const version = await db.modelVersion.findFirstOrThrow({
      where: { number: 1, model: { project: { slug: "tricky" } } },
    });
    expect(version.message).toBe(tricky);
    expect(version.snapshot).toMatchObject({ description: tricky, "key\twith\ttabs": { "\\": "\n" } });
    // Export writes jsonb's key order as is; it must be the canonical order.
    const exported = await exportOf("tricky", {});
    expect(serializeBundle(parseBundleText(exported))).toBe(exported);
  });
});
