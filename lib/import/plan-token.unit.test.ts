import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sortKeysDeep } from "@/lib/bundle/json-order";
import { hashSortedObject } from "./plan-token";

const digest = (feed: (hash: ReturnType<typeof createHash>) => void) => {
  const hash = createHash("sha256");
  feed(hash);
  return hash.digest("hex");
};

describe("hashSortedObject", () => {
  it.each([
    ["an empty object", {}],
    ["scalars and nested objects", { z: 1, a: "x", m: { b: [1, { d: null, c: true }], a: "é" }, gone: undefined }],
    [
      "array members, empty and not",
      { settings: [], recipes: [{ slug: "b", steps: [] }, { slug: "a" }], "10": 2, "2": 1 },
    ],
    [
      "a large array member (written in several pieces)",
      { settings: Array.from({ length: 5000 }, (_, i) => ({ value: { n: i, label: `setting ${i}` }, key: `k${i}` })) },
    ],
  ])("feeds the bytes of JSON.stringify(sortKeysDeep(value)): %s", (_, value) => {
    const whole = digest((hash) => hash.update(JSON.stringify(sortKeysDeep(value))));
    expect(digest((hash) => hashSortedObject(hash, value as Record<string, unknown>))).toBe(whole);
  });
});
