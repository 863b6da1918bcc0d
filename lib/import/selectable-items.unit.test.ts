import { describe, expect, it } from "vitest";
import { sampleBundle } from "@/test/bundles";
import { selectItems } from "./select-items";
import { selectableItems } from "./selectable-items";

describe("selectableItems", () => {
  it("lists each present section's keys, which the selection accepts as they are", () => {
    const bundle = sampleBundle();
    const selectable = selectableItems(bundle);
    expect(selectable.map((s) => s.section)).toContain("models");
    const models = selectable.find((s) => s.section === "models")!;
    expect(models.keys).toEqual(bundle.models.map((m) => m.slug));
    // Excluding every listed key is a valid selection: the keys are the planner's own.
    for (const { section, keys } of selectable) {
      if (section === "models" || section === "connections") continue;
      const selected = selectItems(bundle, { [section]: { exclude: keys } });
      const value = selected[section as keyof typeof selected];
      expect(Array.isArray(value) ? value : value === null ? [] : [value]).toEqual([]);
    }
  });

  it("keys access bindings by e-mail, and model bindings as email#model", () => {
    const bundle = sampleBundle({
      accessBindings: [
        { user: "Ana@Example.test", role: "EDITOR", model: null },
        { user: "bo@example.test", role: "VIEWER", model: "orders" },
      ],
    } as never);
    const bindings = selectableItems(bundle).find((s) => s.section === "accessBindings")!;
    expect(bindings.keys).toEqual(["ana@example.test", "bo@example.test#orders"]);
  });
});
