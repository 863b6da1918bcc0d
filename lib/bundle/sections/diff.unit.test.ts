import { describe, expect, it } from "vitest";
import { diffJson } from "./diff";

describe("diffJson", () => {
  it("reports nothing for equal values, whatever the key order", () => {
    expect(diffJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toEqual([]);
  });

  it("reports changed, added and removed paths with before/after", () => {
    expect(diffJson({ a: 1, b: { c: "x", d: true } }, { a: 2, b: { c: "x" }, e: null })).toEqual([
      { path: "a", before: 1, after: 2 },
      { path: "b.d", before: true },
      { path: "e", after: null },
    ]);
  });

  it("walks arrays element by element", () => {
    expect(diffJson({ m: [{ sql: "a" }, { sql: "b" }] }, { m: [{ sql: "a" }, { sql: "c" }, { sql: "d" }] })).toEqual([
      { path: "m.1.sql", before: "b", after: "c" },
      { path: "m.2", after: { sql: "d" } },
    ]);
  });

  it("prefixes paths and bounds the list", () => {
    const before = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]));
    const after = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i + 1]));
    const changes = diffJson(before, after, "draft", 10);
    expect(changes).toHaveLength(10);
    expect(changes[0]!.path).toBe("draft.k0");
  });

  it("treats a type change as a change of the value", () => {
    expect(diffJson({ a: [1] }, { a: { 0: 1 } })).toEqual([{ path: "a", before: [1], after: { 0: 1 } }]);
  });
});

describe("diffItems", () => {
  it("compares a section's items as the plan shows them: secrets as states, never tokens", async () => {
    const { diffItems } = await import("./section");
    const { connections } = await import("./connections");
    const before = { name: "wh", type: "postgres" as const, config: { host: "a" }, credentials: { encrypted: "tok1" } };
    const after = { ...before, config: { host: "b" }, credentials: { encrypted: "tok2" } };
    expect(diffItems(connections, before, after)).toEqual([{ path: "config.host", before: "a", after: "b" }]);
    expect(diffItems(connections, before, { ...before, credentials: "stripped" as const })).toEqual([
      { path: "credentials", before: "secret", after: "stripped" },
    ]);
  });
});
