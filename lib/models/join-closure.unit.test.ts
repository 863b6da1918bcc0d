import { describe, expect, it } from "vitest";
import { joinClosure } from "./join-closure";

const demo = new Map<string, string[]>([
  ["orders", ["customers"]],
  ["customers", []],
  ["products", []],
  ["order-items", ["orders", "products"]],
  ["returns", ["orders"]],
  ["web-sessions", ["customers"]],
]);

describe("joinClosure", () => {
  it("follows joins transitively, nearest first", () => {
    expect(joinClosure("order-items", demo)).toEqual([
      { slug: "orders", depth: 1, neededBy: ["order-items"] },
      { slug: "products", depth: 1, neededBy: ["order-items"] },
      { slug: "customers", depth: 2, neededBy: ["orders"] },
    ]);
  });

  it("is empty for a model without joins", () => {
    expect(joinClosure("customers", demo)).toEqual([]);
  });

  it("survives cycles and leaves out the start and unknown models", () => {
    const cyclic = new Map([
      ["a", ["b", "ghost"]],
      ["b", ["c", "a"]],
      ["c", ["b"]],
    ]);
    expect(joinClosure("a", cyclic)).toEqual([
      { slug: "b", depth: 1, neededBy: ["a", "c"] },
      { slug: "c", depth: 2, neededBy: ["b"] },
    ]);
  });
});
