import { describe, expect, it } from "vitest";
import { defaultConnectionAction } from "./default-connection-action";

const tenant = [
  { name: "warehouse-pg", type: "postgres" },
  { name: "events", type: "bigquery" },
];

describe("defaultConnectionAction", () => {
  it("creates a connection whose secret travels and whose name is free", () => {
    expect(defaultConnectionAction({ name: "new-pg", type: "postgres", hasSecret: true }, tenant)).toEqual({
      action: "create",
    });
  });
  it("maps onto a same-named connection of the same type, with or without a secret", () => {
    for (const hasSecret of [true, false])
      expect(defaultConnectionAction({ name: "warehouse-pg", type: "postgres", hasSecret }, tenant)).toEqual({
        action: "map",
        target: "warehouse-pg",
      });
  });
  it("leaves the rest undecided", () => {
    expect(defaultConnectionAction({ name: "new-pg", type: "postgres", hasSecret: false }, tenant)).toBeNull();
    expect(defaultConnectionAction({ name: "events", type: "postgres", hasSecret: true }, tenant)).toBeNull();
  });
});
