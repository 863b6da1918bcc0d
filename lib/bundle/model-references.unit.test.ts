import { describe, expect, it } from "vitest";
import { sampleBundle } from "@/test/bundles";
import type { Snapshot } from "./schema";
import {
  collectModelReferences,
  modelTokens,
  renameConnectionReferences,
  renameModelReferences,
} from "./model-references";

describe("model references", () => {
  it("finds model tokens in recipe expressions without touching other dotted words", () => {
    expect(modelTokens("orders.revenue / web-sessions.sessions")).toEqual(["orders", "web-sessions"]);
    expect(modelTokens("round(orders.total, 2) + 1.5")).toEqual(["orders"]);
    expect(modelTokens("sales_orders.total")).toEqual([]);
  });

  it("rewrites every reference to a renamed model", () => {
    const renamed = renameModelReferences(sampleBundle(), new Map([["orders", "purchases"]]));
    expect(renamed.models.map((m) => m.slug)).toEqual(["customers", "purchases"]);
    expect(renamed.recipes![0]!.definition).toEqual({
      models: ["purchases", "customers"],
      steps: [{ measure: "purchases.total" }, { expression: "purchases.total / customers.total", as: "ratio" }],
    });
    expect(renamed.agent!.modelContexts[0]!.model).toBe("purchases");
    expect(renamed.accessBindings![0]!.model).toBe("purchases");
    expect(collectModelReferences(renamed).some((r) => r.slug === "orders")).toBe(false);
  });

  it("rewrites joins, including ${model} placeholders", () => {
    const renamed = renameModelReferences(sampleBundle(), new Map([["customers", "clients"]]));
    const orders = renamed.models.find((m) => m.slug === "orders")!;
    expect(orders.draft.joins[0]).toMatchObject({ model: "clients", on: "${TABLE}.customers_id = ${clients}.id" });
    expect((orders.versions[0]!.snapshot as Snapshot).joins[0]!.model).toBe("clients");
  });

  it("maps connection names on models", () => {
    const mapped = renameConnectionReferences(sampleBundle(), new Map([["wh", "warehouse"]]));
    expect(mapped.models.every((m) => m.connection === "warehouse")).toBe(true);
  });
});
