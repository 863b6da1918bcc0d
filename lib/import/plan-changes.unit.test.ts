import { describe, expect, it } from "vitest";
import { sampleBundle } from "@/test/bundles";
import { diffBundles } from "./diff-bundles";
import { listedItems, type PlanItem } from "./plan-changes";
import { renderPlan } from "./render-plan";
import { selectItems, selectionKey } from "./select-items";

// The pure plan: item actions and JSON-path changes between two bundles, selection and its
// connection closure, and the terraform-like rendering.

describe("diffBundles / planChanges", () => {
  it("nothing changes between a bundle and itself", () => {
    const bundle = sampleBundle();
    const plan = diffBundles(bundle, bundle);
    expect(plan.changes).toBe(false);
    expect(plan.sections.flatMap((s) => s.items.map((i) => i.action))).toEqual(
      plan.sections.flatMap((s) => s.items.map(() => "unchanged")),
    );
  });

  it("reports created, updated (with paths and before/after) and deleted items per section", () => {
    const before = sampleBundle();
    const after = sampleBundle({
      settings: [
        { key: "tz", value: "Europe/Paris" },
        { key: "locale", value: "fr" },
      ],
      recipes: [],
      models: [
        { ...before.models[0]!, draft: { ...before.models[0]!.draft, sourceTable: "s.clients" } },
        before.models[1]!,
      ],
    });
    const plan = diffBundles(before, after);
    const section = (key: string) => plan.sections.find((s) => s.key === key)!;
    expect(section("settings").items).toEqual([
      { key: "locale", action: "create" },
      { key: "tz", action: "update", changes: [{ path: "value", before: "UTC", after: "Europe/Paris" }] },
    ]);
    expect(section("recipes").items).toEqual([{ key: "mix", action: "delete" }]);
    expect(section("models").items[0]).toEqual({
      key: "customers",
      action: "update",
      changes: [{ path: "draft.sourceTable", before: "s.customers", after: "s.clients" }],
    });
    expect(section("models").counts).toEqual({ update: 1, unchanged: 1 });
    expect(plan.changes).toBe(true);
  });

  it("shows secrets only as states", () => {
    const before = sampleBundle({
      connections: [{ name: "wh", type: "postgres", config: {}, credentials: { encrypted: "gAAAA-old" } }],
    });
    const after = sampleBundle({
      connections: [{ name: "wh", type: "postgres", config: {}, credentials: { encrypted: "gAAAA-new" } }],
    });
    const item = diffBundles(before, after).sections.find((s) => s.key === "connections")!.items[0]!;
    expect(item.changes).toEqual([{ path: "credentials", before: "secret", after: "secret replaced" }]);
    expect(JSON.stringify(item)).not.toContain("gAAAA");
  });

  it("reports version history changes by number, not as snapshot documents", () => {
    const before = sampleBundle();
    const orders = before.models[1]!;
    const after = sampleBundle({
      models: [
        before.models[0]!,
        {
          ...orders,
          versions: [
            {
              ...orders.versions[0]!,
              snapshot: { ...(orders.versions[0]!.snapshot as object), sourceTable: "x" } as never,
            },
            { ...orders.versions[0]!, number: 2 },
          ],
        },
      ],
    });
    const item = diffBundles(before, after).sections.find((s) => s.key === "models")!.items[1]!;
    expect(item.versions).toEqual({ append: [2], remove: [], conflict: [1] });
    expect(item.changes!.map((c) => c.path)).toEqual(["versions.2", "versions.1"]);
  });

  it("bounds the changed paths listed per item", () => {
    const before = sampleBundle({
      settings: [{ key: "big", value: Object.fromEntries([...Array(80).keys()].map((i) => [`k${i}`, i])) }],
    });
    const after = sampleBundle({
      settings: [{ key: "big", value: Object.fromEntries([...Array(80).keys()].map((i) => [`k${i}`, i + 1])) }],
    });
    const item = diffBundles(before, after).sections.find((s) => s.key === "settings")!.items[0]!;
    expect(item.changes).toHaveLength(50);
    expect(item.more).toBe(30);
  });
});

describe("selectItems", () => {
  it("keeps the chosen items and pulls the connections selected models use", () => {
    const bundle = sampleBundle({
      connections: [
        { name: "wh", type: "postgres", config: {}, credentials: "stripped" },
        { name: "other", type: "mysql", config: {}, credentials: "stripped" },
      ],
    });
    const selected = selectItems(bundle, { models: { include: ["customers"] }, connections: { include: [] } });
    expect(selected.models.map((m) => m.slug)).toEqual(["customers"]);
    expect(selected.connections!.map((c) => c.name)).toEqual(["wh"]);
    expect(selectItems(bundle, { agent: { exclude: ["agent"] } }).agent).toBeNull();
  });

  it("refuses keys and sections the bundle does not have", () => {
    expect(() => selectItems(sampleBundle(), { models: { include: ["nope"] } })).toThrow(/no model slug "nope"/);
    expect(() => selectItems(sampleBundle(), { dashboards: { include: [] } })).toThrow(/no section "dashboards"/);
  });

  it("names access bindings by e-mail, and model bindings as email#model", () => {
    expect(selectionKey("accessBindings", { user: "A@x.test", role: "EDITOR", model: "orders" })).toBe(
      "a@x.test#orders",
    );
    expect(selectionKey("accessBindings", { user: "a@x.test", role: "EDITOR", model: null })).toBe("a@x.test");
  });
});

describe("renderPlan", () => {
  it("prints terraform-like lines and totals", () => {
    const before = sampleBundle();
    const after = sampleBundle({ settings: [{ key: "tz", value: "Europe/Paris" }], recipes: [] });
    const text = renderPlan(diffBundles(before, after));
    expect(text).toContain('Settings\n  ~ tz\n      value: "UTC" → "Europe/Paris"\n');
    expect(text).toContain("Recipes\n  - mix\n");
    expect(text).toMatch(/Plan: 1 to update, 1 to delete, \d+ unchanged\.\n$/);
  });
});

describe("listedItems (an applied import's result)", () => {
  const section = (actions: string[]) => ({
    key: "settings" as const,
    label: "Settings",
    counts: {},
    items: actions.map((action, i) => ({ key: `k${i}`, action: action as PlanItem["action"] })),
  });

  it("lists a section within the limit whole", () => {
    const whole = section(["create", "delete"]);
    expect(listedItems(whole, 2)).toBe(whole);
  });

  it("lists deletions, unlinks, updates and links first, in the plan's order, and counts the rest", () => {
    const listed = listedItems(section(["create", "create", "delete", "create", "update", "unchanged"]), 3);
    expect(listed.items.map((i) => `${i.key}:${i.action}`)).toEqual(["k0:create", "k2:delete", "k4:update"]);
    expect(listed.omitted).toBe(3);
    const removals = listedItems(section(["create", "delete", "unlink", "delete"]), 2);
    expect(removals.items.map((i) => i.key)).toEqual(["k1", "k2"]);
    expect(removals.omitted).toBe(2);
  });

  it("renders the omitted items as a count, and totals from the counts", () => {
    const listed = {
      ...listedItems(section(["create", "create", "create"]), 1),
      counts: { create: 3 },
    };
    const text = renderPlan({ project: { key: "p", action: "unchanged" }, sections: [listed] });
    expect(text).toContain("  … and 2 more");
    expect(text).toContain("Plan: 3 to create, 1 unchanged.");
  });
});
