import { describe, expect, it } from "vitest";
import { OPTIONAL_SECTIONS } from "@/lib/bundle/sections";
import { serializeBundle } from "@/lib/bundle/canonical-json";
import { parseBundleText } from "@/lib/bundle/parse-bundle";
import type { Bundle } from "@/lib/bundle/schema";
import { db } from "@/lib/db";
import { prepareExport, readAll } from "@/lib/export/export-project";
import type { ImportResult } from "@/lib/import/import-result";
import type { PlanAction } from "@/lib/import/plan-changes";
import { actorFor } from "@/test/actors";
import { dbFingerprint } from "@/test/db-fingerprint";
import { importBundle } from "@/test/import-bundle";
import { saveSetting } from "@/lib/settings/save-setting";

// Plan before apply (SPEC §11): every mode against every section, selection with its dependency
// closure, the stale-plan race and an idempotent merge — against real PostgreSQL.

const sameNames = {
  "bq-events": { action: "map", target: "bq-events" },
  "snowflake-prod": { action: "map", target: "snowflake-prod" },
  "warehouse-pg": { action: "map", target: "warehouse-pg" },
} as const;

async function exportBundle(projectSlug: string): Promise<Bundle> {
  const prepared = await prepareExport({
    actor: await actorFor("root@ferry.test"),
    tenantSlug: "acme",
    projectSlug,
    options: { stable: true, sections: OPTIONAL_SECTIONS },
  });
  return parseBundleText(await readAll(prepared.open())) as Bundle;
}

async function run(
  bundle: Bundle,
  options: Record<string, unknown>,
  scope: Bundle["scope"] = "project",
): Promise<ImportResult> {
  return importBundle({
    expectScope: scope,
    actor: await actorFor("admin@acme.test"),
    bundle: new TextEncoder().encode(serializeBundle(bundle)),
    options: { tenant: "acme", connectionMapping: sameNames, ...options },
  });
}

/** A copy of the demo project to import into. */
async function targetCopy(slug: string): Promise<void> {
  await run(await exportBundle("sales-analytics"), { mode: "create", projectSlug: slug, displayName: slug });
}

/** The demo bundle edited in every section: one item changed, one added, one left out. */
async function editedBundle(): Promise<Bundle> {
  const b = await exportBundle("sales-analytics");
  const products = b.models.find((m) => m.slug === "products")!;
  return {
    ...b,
    settings: [
      ...b
        .settings!.filter((s) => s.key !== "timezone")
        .map((s) => (s.key === "currency" ? { ...s, value: "EUR" } : s)),
      { key: "new.key", value: 1 },
    ],
    llmConfigs: b.llmConfigs!.filter((l) => l.name !== "judge").map((l) => ({ ...l, model: "gpt-5" })),
    agent: { ...b.agent!, persona: "A new persona." },
    recipes: b.recipes!.filter((r) => r.slug !== "return-rate").map((r) => ({ ...r, name: "Renamed recipe" })),
    accessBindings: b.accessBindings!.filter((x) => x.model === null),
    models: [
      ...b.models
        .filter((m) => m.slug !== "returns")
        .map((m) => (m.slug === "orders" ? { ...m, draft: { ...m.draft, description: "Edited orders." } } : m)),
      { ...products, slug: "new-model", name: "New model" },
    ],
  };
}

type Rows = Record<string, Record<string, PlanAction>>;
function rows(result: ImportResult): Rows {
  return Object.fromEntries(
    result.plan.sections.map((s) => [s.key, Object.fromEntries(s.items.map((i) => [i.key, i.action]))]),
  );
}

const item = (result: ImportResult, section: string, key: string) =>
  result.plan.sections.find((s) => s.key === section)!.items.find((i) => i.key === key)!;

async function settingsOf(slug: string): Promise<Record<string, unknown>> {
  const list = await db.projectSetting.findMany({ where: { project: { slug, tenant: { slug: "acme" } } } });
  return Object.fromEntries(list.map((s) => [s.key, s.value]));
}

const modelSlugs = async (slug: string) =>
  (await db.model.findMany({ where: { project: { slug, tenant: { slug: "acme" } } }, select: { slug: true } }))
    .map((m) => m.slug)
    .sort();

describe("plan before apply", () => {
  it("replace: the plan lists every update, creation and deletion per section, and the import does exactly that", async () => {
    await targetCopy("plan-replace");
    const bundle = await editedBundle();
    const plan = await run(bundle, { mode: "replace", projectSlug: "plan-replace", dryRun: true });
    const r = rows(plan);
    expect(r.settings).toMatchObject({
      currency: "update",
      "new.key": "create",
      timezone: "delete",
      weekStartsOn: "unchanged",
    });
    expect(r.llmConfigs).toMatchObject({ primary: "update", judge: "delete" });
    expect(r.agent).toEqual({ agent: "update" });
    expect(r.recipes).toEqual({ "revenue-per-session": "update", "return-rate": "delete" });
    expect(r.accessBindings!["analyst@acme.test#web-sessions"]).toBe("delete");
    expect(r.models).toMatchObject({
      orders: "update",
      returns: "delete",
      "new-model": "create",
      customers: "unchanged",
    });
    expect(r.connections).toMatchObject({ "warehouse-pg": "unchanged" });
    expect(item(plan, "settings", "currency").changes).toEqual([{ path: "value", before: "USD", after: "EUR" }]);
    expect(item(plan, "models", "orders").changes).toEqual([
      { path: "draft.description", before: expect.any(String), after: "Edited orders." },
    ]);
    expect(item(plan, "llmConfigs", "primary").changes).toEqual([{ path: "model", before: "gpt-4.1", after: "gpt-5" }]);
    expect(plan.plan.project).toMatchObject({ action: "update" });
    expect(plan.plan.sections.find((s) => s.key === "models")!.counts).toMatchObject({
      delete: 1,
      create: 1,
      update: 1,
    });

    const before = await dbFingerprint();
    expect(await dbFingerprint()).toEqual(before); // the plan wrote nothing
    await run(bundle, { mode: "replace", projectSlug: "plan-replace" });
    expect(await modelSlugs("plan-replace")).toEqual([
      "customers",
      "new-model",
      "order-items",
      "orders",
      "products",
      "web-sessions",
    ]);
    const settings = await settingsOf("plan-replace");
    expect(settings.timezone).toBeUndefined();
    expect(settings.currency).toBe("EUR");
  });

  it("merge: updates and creates, keeps what only the target has, and a second merge plans nothing", async () => {
    await targetCopy("plan-merge");
    const bundle = await editedBundle();
    const plan = await run(bundle, { mode: "merge", projectSlug: "plan-merge", dryRun: true });
    const r = rows(plan);
    expect(r.settings).toMatchObject({
      currency: "update",
      "new.key": "create",
      timezone: "keep",
      weekStartsOn: "unchanged",
    });
    expect(r.llmConfigs).toMatchObject({ primary: "update", judge: "keep" });
    expect(r.agent).toEqual({ agent: "update" });
    expect(r.recipes).toEqual({ "revenue-per-session": "update", "return-rate": "keep" });
    expect(r.accessBindings!["analyst@acme.test#web-sessions"]).toBe("keep");
    expect(r.models).toMatchObject({
      orders: "update",
      returns: "keep",
      "new-model": "create",
      customers: "unchanged",
    });
    expect(Object.values(r).flatMap((s) => Object.values(s))).not.toContain("delete");
    expect(plan.plan.project.action).toBe("unchanged"); // merge keeps the target's display name

    const result = await run(bundle, { mode: "merge", projectSlug: "plan-merge" });
    expect(result.summary.settings).toEqual({ created: 1, updated: 1, skipped: 10 });
    expect(result.summary.models).toEqual({ created: 1, updated: 1, skipped: 5 });
    expect(await modelSlugs("plan-merge")).toEqual([
      "customers",
      "new-model",
      "order-items",
      "orders",
      "products",
      "returns",
      "web-sessions",
    ]);
    const settings = await settingsOf("plan-merge");
    expect(settings).toMatchObject({ timezone: "America/New_York", currency: "EUR", "new.key": 1 });
    const recipes = await db.recipe.findMany({ where: { project: { slug: "plan-merge" } }, orderBy: { slug: "asc" } });
    expect(recipes.map((x) => [x.slug, x.name])).toEqual([
      ["return-rate", "Return rate by segment"],
      ["revenue-per-session", "Renamed recipe"],
    ]);
    const bindings = await db.accessBinding.count({ where: { project: { slug: "plan-merge" } } });
    expect(bindings).toBe(3);

    const again = await run(bundle, { mode: "merge", projectSlug: "plan-merge", dryRun: true });
    expect(again.plan.changes).toBe(false);
    const actions = new Set(again.plan.sections.flatMap((s) => s.items.map((i) => i.action)));
    expect([...actions].every((a) => a === "unchanged" || a === "keep")).toBe(true);
  });

  it("skip-existing: only what the target lacks is created; existing items are skipped untouched", async () => {
    await targetCopy("plan-skip");
    const bundle = await editedBundle();
    const plan = await run(bundle, { mode: "skip-existing", projectSlug: "plan-skip", dryRun: true });
    const r = rows(plan);
    expect(r.settings).toMatchObject({ currency: "skip", "new.key": "create", timezone: "keep" });
    expect(r.llmConfigs).toMatchObject({ primary: "skip", judge: "keep" });
    expect(r.agent).toEqual({ agent: "skip" });
    expect(r.recipes).toEqual({ "revenue-per-session": "skip", "return-rate": "keep" });
    expect(r.models).toMatchObject({ orders: "skip", returns: "keep", "new-model": "create" });
    await run(bundle, { mode: "skip-existing", projectSlug: "plan-skip" });
    expect(await settingsOf("plan-skip")).toMatchObject({ currency: "USD", "new.key": 1 });
    const orders = await db.model.findFirst({ where: { slug: "orders", project: { slug: "plan-skip" } } });
    expect((orders!.draft as { description?: string }).description).not.toBe("Edited orders.");
    expect(await modelSlugs("plan-skip")).toContain("new-model");
  });

  it("create: every item is a creation", async () => {
    const plan = await run(await exportBundle("sales-analytics"), {
      mode: "create",
      projectSlug: "plan-new",
      dryRun: true,
    });
    const actions = new Set(
      plan.plan.sections.filter((s) => s.key !== "connections").flatMap((s) => s.items.map((i) => i.action)),
    );
    expect([...actions]).toEqual(["create"]);
    expect(plan.plan.project.action).toBe("create");
    expect(plan.planToken).toMatch(/^[0-9a-f]{64}$/);
  });

  it("a section of more than 10,000 items: the plan lists them all, the applied import's result 10,000 (updates first) and counts the rest", async () => {
    await targetCopy("plan-many");
    const bundle = await exportBundle("plan-many");
    const settings = [
      ...(bundle.settings ?? []).map((s) => ({ ...s, value: { edited: true } })),
      ...Array.from({ length: 10_050 }, (_, i) => ({ key: `bulk.${String(i).padStart(5, "0")}`, value: i })),
    ];
    const many = { ...bundle, settings };
    const plan = await run(many, { mode: "merge", projectSlug: "plan-many", dryRun: true });
    const planned = plan.plan.sections.find((s) => s.key === "settings")!;
    expect(planned.items).toHaveLength(settings.length);
    expect(planned.omitted).toBeUndefined();
    const result = await run(many, { mode: "merge", projectSlug: "plan-many", planToken: plan.planToken });
    const listed = result.plan.sections.find((s) => s.key === "settings")!;
    expect(listed.counts).toEqual(planned.counts);
    expect(listed.items).toHaveLength(10_000);
    expect(listed.omitted).toBe(settings.length - 10_000);
    // The updates come first; the listed items keep the plan's order.
    const updated = planned.items.filter((i) => i.action === "update").map((i) => i.key);
    expect(updated.length).toBe((bundle.settings ?? []).length);
    expect(listed.items.filter((i) => i.action === "update").map((i) => i.key)).toEqual(updated);
    const order = planned.items.map((i) => i.key);
    const positions = listed.items.map((i) => order.indexOf(i.key));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // Every setting was written, and the stored result is the one answered.
    expect(Object.keys(await settingsOf("plan-many"))).toHaveLength(settings.length);
    const stored = await db.importRecord.findUniqueOrThrow({ where: { id: result.importId! } });
    expect((stored.result as unknown as ImportResult).plan.sections.find((s) => s.key === "settings")).toEqual(listed);
  });

  it("merge appends the versions the target lacks and keeps the target's where the same number differs", async () => {
    await targetCopy("plan-versions");
    const b = await exportBundle("sales-analytics");
    const orders = b.models.find((m) => m.slug === "orders")!;
    const last = orders.versions[orders.versions.length - 1]!;
    const edited: Bundle = {
      ...b,
      models: b.models.map((m) =>
        m.slug === "orders"
          ? {
              ...m,
              versions: [
                { ...m.versions[0]!, message: "Rewritten history" },
                // Same metadata, different snapshot: the database's comparison finds it.
                {
                  ...m.versions[1]!,
                  snapshot: { ...(m.versions[1]!.snapshot as object), description: "Changed." } as never,
                },
                ...m.versions.slice(2),
                { ...last, number: 99, message: "From staging" },
              ],
            }
          : m,
      ),
    };
    const plan = await run(edited, { mode: "merge", projectSlug: "plan-versions", dryRun: true });
    const row = item(plan, "models", "orders");
    expect(row.action).toBe("update");
    expect(row.versions).toEqual({ append: [99], remove: [], conflict: [1, 2] });
    expect(plan.warnings.some((w) => w.code === "VERSION_CONFLICT")).toBe(true);
    await run(edited, { mode: "merge", projectSlug: "plan-versions" });
    const versions = await db.modelVersion.findMany({
      where: { model: { slug: "orders", project: { slug: "plan-versions" } } },
      orderBy: { number: "asc" },
    });
    expect(versions.map((v) => v.number)).toEqual([...orders.versions.map((v) => v.number), 99]);
    expect(versions[0]!.message).toBe(orders.versions[0]!.message);
    // Replace resolves the conflict the bundle's way.
    const replace = await run(edited, { mode: "replace", projectSlug: "plan-versions", dryRun: true });
    expect(item(replace, "models", "orders").versions).toMatchObject({ conflict: [1, 2] });
  });

  it("model bundles: merge updates the project's model in place, skip-existing leaves it, both create what is missing", async () => {
    await targetCopy("plan-models");
    const prepared = await prepareExport({
      actor: await actorFor("root@ferry.test"),
      tenantSlug: "acme",
      projectSlug: "sales-analytics",
      modelSlug: "order-items",
      options: { stable: true },
    });
    const exported = parseBundleText(await readAll(prepared.open())) as Bundle;
    expect(exported.models.map((m) => m.slug).sort()).toEqual(["customers", "order-items", "orders", "products"]);
    const bundle: Bundle = {
      ...exported,
      models: exported.models.map((m) =>
        m.slug === "order-items"
          ? { ...m, name: "Order lines" }
          : m.slug === "products"
            ? { ...m, slug: "products" }
            : m,
      ),
    };
    await db.model.deleteMany({ where: { slug: "products", project: { slug: "plan-models" } } });
    const modelImport = (mode: string, dryRun = false) =>
      run(
        bundle,
        {
          mode,
          projectSlug: "plan-models",
          dryRun,
          connectionMapping: Object.fromEntries(
            (bundle.connections ?? []).map((c) => [c.name, { action: "map", target: c.name }]),
          ),
        },
        "model",
      );
    const skip = await modelImport("skip-existing", true);
    expect(rows(skip).models).toEqual({ products: "create", customers: "skip", "order-items": "skip", orders: "skip" });
    const merge = await modelImport("merge", true);
    expect(rows(merge).models).toEqual({
      products: "create",
      customers: "unchanged",
      "order-items": "update",
      orders: "unchanged",
    });
    expect(item(merge, "models", "order-items").changes).toEqual([
      { path: "name", before: "Order items", after: "Order lines" },
    ]);
    await modelImport("merge");
    const models = await db.model.findMany({ where: { project: { slug: "plan-models" } }, orderBy: { slug: "asc" } });
    expect(models.map((m) => [m.slug, m.name])).toContainEqual(["order-items", "Order lines"]);
    expect(models.map((m) => m.slug)).toContain("products");
    expect(rows(await modelImport("merge", true)).models).toEqual({
      products: "unchanged",
      customers: "unchanged",
      "order-items": "unchanged",
      orders: "unchanged",
    });
  });

  it("selection: only the chosen items, the connections they use pulled in, dangling references refused", async () => {
    const bundle = await exportBundle("sales-analytics");
    await expect(
      run(bundle, {
        mode: "create",
        projectSlug: "plan-pick",
        dryRun: true,
        select: {
          models: { include: ["orders"] },
          recipes: { include: [] },
          agent: { include: [] },
          accessBindings: { include: [] },
        },
      }),
    ).rejects.toMatchObject({ code: "DANGLING_REFERENCE", message: expect.stringContaining('"customers"') });

    const options = {
      mode: "create",
      projectSlug: "plan-pick",
      select: {
        models: { include: ["orders", "customers"] },
        connections: { include: [] },
        recipes: { include: [] },
        agent: { exclude: ["agent"] },
        accessBindings: { include: ["lead@acme.test"] },
        settings: { exclude: ["timezone"] },
      },
    };
    const plan = await run(bundle, { ...options, dryRun: true });
    const r = rows(plan);
    expect(Object.keys(r.models!)).toEqual(["customers", "orders"]);
    const ordersConnection = bundle.models.find((m) => m.slug === "orders")!.connection!;
    expect(Object.keys(r.connections!)).toContain(ordersConnection);
    expect(r.settings!.timezone).toBeUndefined();
    await run(bundle, options);
    expect(await modelSlugs("plan-pick")).toEqual(["customers", "orders"]);
    expect(await db.recipe.count({ where: { project: { slug: "plan-pick" } } })).toBe(0);

    await expect(
      run(bundle, { mode: "create", projectSlug: "plan-pick-2", select: { models: { include: ["nope"] } } }),
    ).rejects.toMatchObject({ code: "INVALID_OPTIONS" });
  });

  it("stale plan: a change to the target between plan and import is refused with PLAN_STALE and writes nothing", async () => {
    await targetCopy("plan-race");
    const bundle = await editedBundle();
    const plan = await run(bundle, { mode: "merge", projectSlug: "plan-race", dryRun: true });
    // Someone else edits a setting of the target through the product, between the plan and the import.
    await saveSetting({
      actor: await actorFor("admin@acme.test"),
      tenantSlug: "acme",
      projectSlug: "plan-race",
      settingKey: "timezone",
      input: { key: "timezone", value: '"UTC"' },
    });
    const before = await dbFingerprint();
    await expect(
      run(bundle, { mode: "merge", projectSlug: "plan-race", planToken: plan.planToken }),
    ).rejects.toMatchObject({ code: "PLAN_STALE", status: 409 });
    expect(await dbFingerprint()).toEqual(before);

    // A fresh plan's token is accepted; the same token is stable while nothing changes.
    const fresh = await run(bundle, { mode: "merge", projectSlug: "plan-race", dryRun: true });
    expect(fresh.planToken).not.toBe(plan.planToken);
    const same = await run(bundle, { mode: "merge", projectSlug: "plan-race", dryRun: true });
    expect(same.planToken).toBe(fresh.planToken);
    await run(bundle, { mode: "merge", projectSlug: "plan-race", planToken: fresh.planToken });
    expect((await settingsOf("plan-race")).timezone).toBe("UTC");

    // A connection the project uses changing in between is a change to the target too.
    const next = await run(bundle, { mode: "merge", projectSlug: "plan-race", dryRun: true });
    await db.connection.updateMany({
      where: { name: "warehouse-pg", tenant: { slug: "acme" } },
      data: { config: { host: "elsewhere" } },
    });
    await expect(
      run(bundle, { mode: "merge", projectSlug: "plan-race", planToken: next.planToken }),
    ).rejects.toMatchObject({ code: "PLAN_STALE" });
  });
});
