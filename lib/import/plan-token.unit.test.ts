import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sortKeysDeep } from "@/lib/bundle/json-order";
import { ByteSource } from "@/lib/bundle/byte-source";
import { serializeBundle } from "@/lib/bundle/canonical-json";
import { parseBundleBytes, parseBundleSource } from "@/lib/bundle/parse-bundle";
import { RawJson } from "@/lib/bundle/raw-json";
import { sampleBundle } from "@/test/bundles";
import { hashBundle, hashSortedObject, sha256 } from "./plan-token";

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

describe("hashBundle", () => {
  it("digests a parsed upload the same whether its snapshots' digests were taken while parsing or not", () => {
    const bytes = new TextEncoder().encode(serializeBundle(sampleBundle()));
    const withDigests = parseBundleSource(ByteSource.of(bytes), 1e9, sha256);
    const without = parseBundleBytes(bytes, 1e9);
    const snapshot = withDigests.models[0]!.versions[0]!.snapshot as RawJson;
    expect(snapshot.digest).toEqual(sha256(snapshot.bytes));
    expect((without.models[0]!.versions[0]!.snapshot as RawJson).digest).toBeUndefined();
    expect(digest((hash) => hashBundle(hash, withDigests))).toBe(digest((hash) => hashBundle(hash, without)));
    // …and a changed snapshot changes it.
    const edited = new TextEncoder().encode(
      serializeBundle(sampleBundle()).replace('"sourceTable": "', '"sourceTable": "x'),
    );
    expect(digest((hash) => hashBundle(hash, parseBundleBytes(edited, 1e9)))).not.toBe(
      digest((hash) => hashBundle(hash, without)),
    );
  });
});
