import { afterEach, describe, expect, it } from "vitest";
import { decryptCredentials, openBundleEncryption } from "@/lib/bundle/bundle-crypto";
import { serializeBundle } from "@/lib/bundle/canonical-json";
import { parseBundleText } from "@/lib/bundle/parse-bundle";
import type { Bundle } from "@/lib/bundle/schema";
import { OPTIONAL_SECTIONS } from "@/lib/bundle/sections";
import { db } from "@/lib/db";
import { DEMO_SECRETS } from "@/lib/demo/seed-demo-data";
import { prepareExport, readAll } from "@/lib/export/export-project";
import type { ImportResult } from "@/lib/import/import-result";
import { deployAll } from "@/lib/models/deploy-all";
import { deployModelVersion } from "@/lib/models/deploy-model-version";
import { refreshModel } from "@/lib/models/refresh-model";
import { actorFor } from "@/test/actors";
import { dbFingerprint } from "@/test/db-fingerprint";
import { importBundle } from "@/test/import-bundle";
import { getStoredImport, projectHistory, tenantHistory, tickChecklistItem } from "./history";
import { downloadSnapshot, listSnapshots, restoreSnapshot } from "./restore-snapshot";

// The safety net (SPEC §12) against real PostgreSQL: snapshots in the import's transaction,
// restore (and the restore of a restore) back to byte-identical exports, retention, history, the
// stored result and its checklist.

const sameNames = {
  "bq-events": { action: "map", target: "bq-events" },
  "snowflake-prod": { action: "map", target: "snowflake-prod" },
  "warehouse-pg": { action: "map", target: "warehouse-pg" },
} as const;
const ADMIN = "admin@acme.test";

/** A stable export of every section, deployed versions and access bindings included. */
async function exportAll(projectSlug: string): Promise<string> {
  const prepared = await prepareExport({
    actor: await actorFor("root@ferry.test"),
    tenantSlug: "acme",
    projectSlug,
    options: { stable: true, sections: OPTIONAL_SECTIONS },
  });
  return readAll(prepared.open());
}

async function run(bundle: Bundle, options: Record<string, unknown>): Promise<ImportResult> {
  return importBundle({
    actor: await actorFor(ADMIN),
    bundle: new TextEncoder().encode(serializeBundle(bundle)),
    options: { tenant: "acme", connectionMapping: sameNames, ...options },
  });
}

const PASSPHRASE = "safety net passphrase";

/** A copy of the demo project (its LLM keys included), with two models deployed as in the demo. */
async function copyOfDemo(slug: string): Promise<void> {
  const prepared = await prepareExport({
    actor: await actorFor("root@ferry.test"),
    tenantSlug: "acme",
    projectSlug: "sales-analytics",
    options: { stable: true, sections: OPTIONAL_SECTIONS, includeCredentials: true, passphrase: PASSPHRASE },
  });
  const bundle = parseBundleText(await readAll(prepared.open()));
  await run(bundle, { mode: "create", projectSlug: slug, displayName: slug, passphrase: PASSPHRASE });
  const actor = await actorFor(ADMIN);
  for (const [modelSlug, number] of [
    ["customers", 3],
    ["orders", 2],
  ] as const)
    await deployModelVersion({ actor, tenantSlug: "acme", projectSlug: slug, modelSlug, number });
}

/** The project edited: a model and a setting gone, a setting changed, a persona rewritten. */
async function edited(slug: string): Promise<Bundle> {
  const b = parseBundleText(await exportAll(slug));
  return {
    ...b,
    settings: b
      .settings!.filter((s) => s.key !== "timezone")
      .map((s) => (s.key === "currency" ? { ...s, value: "EUR" } : s)),
    agent: {
      ...b.agent!,
      persona: "Someone else.",
      modelContexts: b.agent!.modelContexts.filter((c) => c.model !== "returns"),
    },
    recipes: b.recipes!.filter((r) => !JSON.stringify(r.definition).includes('"returns"')),
    accessBindings: b.accessBindings!.filter((x) => x.model !== "returns"),
    models: b.models.filter((m) => m.slug !== "returns"),
  };
}

const restore = async (projectSlug: string, snapshotId: string, options: Record<string, unknown> = {}) =>
  restoreSnapshot({ actor: await actorFor(ADMIN), tenantSlug: "acme", projectSlug, snapshotId, options });

afterEach(() => {
  delete process.env.FERRY_SNAPSHOT_RETENTION;
  delete process.env.FERRY_TEST_FAULT;
});

describe("safety net", () => {
  it("replace → restore gives back a byte-identical project, deployed versions and bindings included; a restore can be restored", async () => {
    await copyOfDemo("net-restore");
    const before = await exportAll("net-restore");
    expect(before).toContain('"deployedVersion": 3');
    const replaced = await run(await edited("net-restore"), { mode: "replace", projectSlug: "net-restore" });
    expect(replaced.snapshot).toMatchObject({ models: 6 });
    expect(replaced.snapshot!.compressedBytes).toBeLessThan(replaced.snapshot!.bytes);
    const after = await exportAll("net-restore");
    expect(after).not.toBe(before);

    // The plan back: what the replace deleted comes back, what it changed goes back.
    const plan = await restore("net-restore", replaced.snapshot!.id, { dryRun: true });
    expect(plan.dryRun).toBe(true);
    const models = plan.plan.sections.find((s) => s.key === "models")!;
    expect(models.items.find((i) => i.key === "returns")!.action).toBe("create");
    // Deployed versions come back with the restore: nothing to deploy afterwards.
    expect(plan.requiredActions.some((a) => a.kind === "deploy-model")).toBe(false);
    expect(await exportAll("net-restore")).toBe(after);

    const restored = await restore("net-restore", replaced.snapshot!.id, { planToken: plan.planToken });
    expect(restored.requiredActions.some((a) => a.kind === "deploy-model")).toBe(false);
    expect(await exportAll("net-restore")).toBe(before);
    // Secrets came back too: the LLM keys are active again.
    expect(
      (await db.llmConfig.findMany({ where: { project: { slug: "net-restore" } } })).every(
        (l) => l.status === "ACTIVE",
      ),
    ).toBe(true);

    // The restore snapshotted the replaced state first: restoring that undoes the restore.
    await restore("net-restore", restored.snapshot!.id);
    expect(await exportAll("net-restore")).toBe(after);

    const history = await projectHistory({
      actor: await actorFor(ADMIN),
      tenantSlug: "acme",
      projectSlug: "net-restore",
      page: {},
    });
    const changes = history.entries.filter((e) => e.action !== "project.export");
    expect(changes.slice(0, 5).map((e) => e.action)).toEqual([
      "project.restore",
      "project.snapshot",
      "project.restore",
      "project.snapshot",
      "project.import",
    ]);
    const restoreEntry = changes[0]!;
    expect(restoreEntry.source).toMatchObject({ snapshotId: restored.snapshot!.id });
    expect(restoreEntry.resultHref).toMatch(/^\/t\/acme\/p\/net-restore\/history\/[0-9a-f-]{36}$/);
    const importEntry = changes[4]!;
    expect(importEntry).toMatchObject({
      actor: ADMIN,
      mode: "replace",
      snapshotId: replaced.snapshot!.id,
      importId: replaced.importId,
      source: { tenant: "acme", project: "net-restore", exportedBy: "root@ferry.test" },
    });
    expect(importEntry.counts).toMatchObject({ models: { created: 5 } });
    expect(importEntry.details).toMatchObject({ deleted: { models: ["returns"] } });
  });

  it("refuses a stale restore plan, an unknown snapshot, and a restore by someone not a tenant admin", async () => {
    await copyOfDemo("net-stale");
    const merged = await run(await edited("net-stale"), { mode: "merge", projectSlug: "net-stale" });
    const plan = await restore("net-stale", merged.snapshot!.id, { dryRun: true });
    await db.projectSetting.updateMany({
      where: { project: { slug: "net-stale" }, key: "currency" },
      data: { value: "GBP" },
    });
    await db.project.updateMany({ where: { slug: "net-stale" }, data: { updatedAt: new Date() } });
    const fingerprint = await dbFingerprint();
    await expect(restore("net-stale", merged.snapshot!.id, { planToken: plan.planToken })).rejects.toMatchObject({
      code: "PLAN_STALE",
    });
    await expect(restore("net-stale", "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(restore("net-stale", "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      restoreSnapshot({
        actor: await actorFor("lead@acme.test"),
        tenantSlug: "acme",
        projectSlug: "sales-analytics",
        snapshotId: merged.snapshot!.id,
        options: {},
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await dbFingerprint()).toEqual(fingerprint);
  });

  it("keeps the newest FERRY_SNAPSHOT_RETENTION per project, and a failed import leaves no snapshot", async () => {
    await copyOfDemo("net-retention");
    process.env.FERRY_SNAPSHOT_RETENTION = "2";
    const bundle = await edited("net-retention");
    const taken: string[] = [];
    for (let i = 0; i < 3; i++)
      taken.push((await run(bundle, { mode: "merge", projectSlug: "net-retention" })).snapshot!.id);
    const list = await listSnapshots({
      actor: await actorFor(ADMIN),
      tenantSlug: "acme",
      projectSlug: "net-retention",
    });
    expect(list.map((s) => s.id)).toEqual([taken[2], taken[1]]);

    process.env.FERRY_TEST_FAULT = "audit";
    await expect(run(bundle, { mode: "replace", projectSlug: "net-retention" })).rejects.toThrow();
    delete process.env.FERRY_TEST_FAULT;
    const again = await listSnapshots({
      actor: await actorFor(ADMIN),
      tenantSlug: "acme",
      projectSlug: "net-retention",
    });
    expect(again.map((s) => s.id)).toEqual([taken[2], taken[1]]);
    // The create and the three merges.
    expect(await db.importRecord.count({ where: { project: { slug: "net-retention" } } })).toBe(4);
  });

  it("a create makes no snapshot; its stored result's checklist ticks itself after deploy and refresh, and by hand", async () => {
    const created = await run(parseBundleText(await exportAll("sales-analytics")), {
      mode: "create",
      projectSlug: "net-checklist",
      displayName: "Net checklist",
    });
    expect(created.snapshot).toBeUndefined();
    expect(created.resultHref).toBe(`/t/acme/p/net-checklist/history/${created.importId}`);
    const ref = {
      actor: await actorFor(ADMIN),
      tenantSlug: "acme",
      projectSlug: "net-checklist",
      importId: created.importId!,
    };
    let stored = await getStoredImport(ref);
    expect(stored.result.summary).toEqual(created.summary);
    expect(stored.checklist.every((i) => i.done === null)).toBe(true);
    const orders = stored.checklist.find((i) => i.subject && "model" in i.subject && i.subject.model === "orders")!;

    await deployModelVersion({
      actor: ref.actor,
      tenantSlug: "acme",
      projectSlug: "net-checklist",
      modelSlug: "orders",
      number: 3,
    });
    await refreshModel({ actor: ref.actor, tenantSlug: "acme", projectSlug: "net-checklist" });
    stored = await getStoredImport(ref);
    expect(stored.checklist[orders.index]!.done).toMatchObject({ auto: true });
    expect(stored.checklist.find((i) => i.kind === "refresh")!.done).toMatchObject({ auto: true });
    const afterRefresh = await projectHistory({ ...ref, page: { limit: 5 } });
    expect(afterRefresh.entries.map((e) => e.action)).toContain("project.refresh-all");
    expect(
      stored.checklist.find((i) => i.subject && "model" in i.subject && i.subject.model === "customers")!.done,
    ).toBeNull();

    const agent = stored.checklist.find((i) => i.kind === "retest-agent")!;
    stored = await tickChecklistItem({ ...ref, item: agent.index, done: true });
    expect(stored.checklist[agent.index]!.done).toMatchObject({ by: ADMIN, auto: false });
    stored = await tickChecklistItem({ ...ref, item: agent.index, done: false });
    expect(stored.checklist[agent.index]!.done).toBeNull();
    await expect(tickChecklistItem({ ...ref, item: 999, done: true })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Deploy all: each model at the version live in the source, in one go.
    const all = await deployAll({
      actor: ref.actor,
      tenantSlug: "acme",
      projectSlug: "net-checklist",
      importId: created.importId,
    });
    expect(all.deployed).toContainEqual({ model: "customers", version: 3 });
    const deployed = await db.model.findMany({
      where: { project: { slug: "net-checklist" } },
      select: { slug: true, deployedVersion: true },
    });
    expect(Object.fromEntries(deployed.map((m) => [m.slug, m.deployedVersion]))).toMatchObject({
      customers: 3,
      "order-items": null,
      orders: 3,
      products: 2,
    });
    stored = await getStoredImport(ref);
    expect(
      stored.checklist
        .filter((i) => i.kind === "deploy-model" && i.subject && "version" in i.subject)
        .every((i) => i.done),
    ).toBe(true);
  });

  it("history: project ADMINs see their project's, tenant admins the tenant's, page by page", async () => {
    await copyOfDemo("net-history");
    for (let i = 0; i < 3; i++) await run(await edited("net-history"), { mode: "merge", projectSlug: "net-history" });
    // lead@acme is project ADMIN of the copy (its access bindings came along), not a tenant admin.
    const lead = await actorFor("lead@acme.test");
    await expect(
      projectHistory({ actor: lead, tenantSlug: "acme", projectSlug: "net-history", page: {} }),
    ).resolves.toBeDefined();
    await expect(tenantHistory({ actor: lead, tenantSlug: "acme", page: {} })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      projectHistory({
        actor: await actorFor("analyst@acme.test"),
        tenantSlug: "acme",
        projectSlug: "sales-analytics",
        page: {},
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const admin = await actorFor(ADMIN);
    const first = await projectHistory({
      actor: admin,
      tenantSlug: "acme",
      projectSlug: "net-history",
      page: { limit: 4 },
    });
    expect(first.entries).toHaveLength(4);
    expect(first.nextCursor).toBeDefined();
    const all = [...first.entries];
    for (let cursor = first.nextCursor; cursor;) {
      const next = await projectHistory({
        actor: admin,
        tenantSlug: "acme",
        projectSlug: "net-history",
        page: { limit: 4, before: cursor },
      });
      expect(next.entries.length).toBeGreaterThan(0);
      all.push(...next.entries);
      cursor = next.nextCursor;
    }

    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse());
    expect(all.every((e) => e.project === "net-history")).toBe(true);
    // 3 merges with their snapshots, and the create.
    expect(all.filter((e) => e.action === "project.import")).toHaveLength(4);
    expect(all.filter((e) => e.action === "project.snapshot")).toHaveLength(3);

    const tenant = await tenantHistory({ actor: admin, tenantSlug: "acme", page: { limit: 200 } });
    expect(new Set(tenant.entries.map((e) => e.project))).toContain("net-history");
    const globex = await tenantHistory({ actor: await actorFor("admin@globex.test"), tenantSlug: "globex", page: {} });
    expect(globex.entries.some((e) => e.target.startsWith("acme/"))).toBe(false);
  });

  it("downloads a snapshot stripped, or with its credentials under a passphrase of a tenant admin's choosing", async () => {
    await copyOfDemo("net-download");
    const merged = await run(await edited("net-download"), { mode: "merge", projectSlug: "net-download" });
    const ref = { tenantSlug: "acme", projectSlug: "net-download", snapshotId: merged.snapshot!.id };
    const stripped = await downloadSnapshot({ ...ref, actor: await actorFor(ADMIN), options: {} });
    expect(stripped.secrets).toBe("none");
    const strippedBundle = parseBundleText(stripped.text);
    expect(strippedBundle.encryption).toBeUndefined();
    expect(strippedBundle.connections!.every((c) => c.credentials === "stripped")).toBe(true);
    expect(strippedBundle.settings!.find((s) => s.key === "currency")!.value).toBe("USD");
    for (const secret of Object.values(DEMO_SECRETS)) expect(stripped.text).not.toContain(secret);

    const passphrase = "snapshot passphrase";
    const sealed = await downloadSnapshot({
      ...ref,
      actor: await actorFor(ADMIN),
      options: { includeCredentials: true, passphrase },
    });
    for (const secret of Object.values(DEMO_SECRETS)) expect(sealed.text).not.toContain(secret);
    const bundle = parseBundleText(sealed.text);
    const key = await openBundleEncryption(bundle.encryption!, passphrase);
    const primary = bundle.llmConfigs!.findIndex((l) => l.name === "primary");
    expect(decryptCredentials(key, bundle.llmConfigs![primary]!.credentials, "x")).toEqual({
      apiKey: DEMO_SECRETS.openai,
    });
    await expect(
      downloadSnapshot({ ...ref, actor: await actorFor("root@ferry.test"), options: { includeCredentials: true } }),
    ).rejects.toMatchObject({ code: "PASSPHRASE_REQUIRED" });
  });
});
