import { describe, expect, it } from "vitest";
import { importToast, resultRows } from "./result-rows";
import { plural } from "./section-labels";

describe("resultRows", () => {
  it("shows mapped connections as mapped, not skipped, and labels every section in words", () => {
    const rows = resultRows({
      summary: {
        models: { created: 1, updated: 0, skipped: 0 },
        connections: { created: 1, updated: 1, skipped: 2 },
        accessBindings: { created: 1, updated: 0, skipped: 1 },
      },
      connections: [
        { exportedName: "a", type: "postgres", action: "create", targetName: "a", sharedWith: [] },
        { exportedName: "b", type: "postgres", action: "map", targetName: "b", sharedWith: [] },
        { exportedName: "c", type: "postgres", action: "map", targetName: "c", sharedWith: [] },
        { exportedName: "d", type: "postgres", action: "map", targetName: "d", sharedWith: ["x"] },
      ],
    });
    expect(rows.map((r) => r.label)).toEqual(["Models", "Connections", "Access bindings"]);
    expect(rows[1]).toMatchObject({ created: 1, updated: 1, mapped: 2, skipped: 0 });
    expect(rows[2]).toMatchObject({ mapped: 0, skipped: 1 });
  });
});

describe("plural", () => {
  it("counts in words", () => {
    expect(plural(1, "model")).toBe("1 model");
    expect(plural(2, "pocket")).toBe("2 pockets");
    expect(plural(1200, "version")).toBe("1,200 versions");
  });
});

describe("importToast", () => {
  const base = {
    scope: "project" as const,
    mode: "create" as const,
    summary: { models: { created: 3, updated: 0, skipped: 1 } },
    project: { tenant: "acme", slug: "sales", displayName: "Sales", href: "/t/acme/p/sales" },
    reference: null,
    requiredActions: [],
  };

  it("says what was imported, where, and the models' counts", () => {
    expect(importToast(base)).toEqual({ message: "Imported “Sales”", description: "Models: 3 created, 1 skipped." });
  });

  it("names references, replaces, model imports and the checklist", () => {
    const source = { tenant: "hq", project: "sales", instance: null };
    const reference = { action: "create" as const, source } as unknown as Parameters<
      typeof importToast
    >[0]["reference"];
    expect(importToast({ ...base, reference }).message).toBe("Imported “Sales” as a reference");
    expect(importToast({ ...base, mode: "replace" }).message).toBe("Replaced “Sales” from the bundle");
    const model = importToast({
      ...base,
      scope: "model",
      summary: { models: { created: 0, updated: 1, skipped: 0 } },
      requiredActions: [{}, {}] as unknown as Parameters<typeof importToast>[0]["requiredActions"],
    });
    expect(model).toEqual({
      message: "Imported 1 model into “Sales”",
      description: "Models: 1 updated. 2 steps left on the checklist.",
    });
  });
});
