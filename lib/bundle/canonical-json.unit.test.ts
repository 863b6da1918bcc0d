import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleBundle } from "@/test/bundles";
import {
  canonicalBundle,
  modelEntryBytes,
  modelEntryBytesFromJsonb,
  modelEntryText,
  serializeBundle,
  sortKeysDeep,
} from "./canonical-json";
import { parseBundleText } from "./parse-bundle";
import type { Bundle } from "./schema";

const slug = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?$/);
// Values a bundle may hold: no prototype-polluting keys and no NUL characters (both refused on import).
const jsonValue = fc
  .jsonValue({ maxDepth: 3 })
  .map((v) => JSON.parse(JSON.stringify(v)) as unknown)
  .filter((v) => !/"(__proto__|constructor|prototype)":|\\u0000/.test(JSON.stringify(v)));
const freeObject = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !["__proto__", "constructor", "prototype"].includes(k)),
  jsonValue,
  { maxKeys: 5 },
);

const arbitraryBundle: fc.Arbitrary<Bundle> = fc
  .record({
    slugs: fc.uniqueArray(slug, { minLength: 0, maxLength: 5 }),
    settings: fc.uniqueArray(fc.record({ key: fc.string({ minLength: 1, maxLength: 10 }), value: jsonValue }), {
      selector: (s) => s.key,
      maxLength: 6,
    }),
    config: freeObject,
    stable: fc.boolean(),
    versions: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ slugs, settings, config, stable, versions }) => {
    const base = sampleBundle();
    const snapshot = base.models[0]!.draft;
    return {
      ...base,
      meta: stable ? { exportedBy: base.meta.exportedBy, source: base.meta.source } : base.meta,
      sections: ["connections", "settings"],
      connections: [{ ...base.connections![0]!, config }],
      llmConfigs: undefined,
      agent: undefined,
      recipes: undefined,
      accessBindings: undefined,
      settings,
      models: slugs.map((s) => ({
        ...base.models[0]!,
        slug: s,
        deployedVersion: versions,
        versions: Array.from({ length: versions }, (_, i) => ({
          number: versions - i,
          message: `v${versions - i}`,
          author: "a@x.test",
          createdAt: "2026-01-01T00:00:00.000Z",
          snapshot,
        })),
      })),
    } as Bundle;
  });

describe("canonical JSON", () => {
  it("round-trips: parse(serialise(x)) equals the canonical x, and serialising again gives the same bytes", () => {
    fc.assert(
      fc.property(arbitraryBundle, (bundle) => {
        const text = serializeBundle(bundle);
        const parsed = parseBundleText(text);
        expect(parsed).toEqual(JSON.parse(JSON.stringify(canonicalBundle(bundle))));
        expect(serializeBundle(parsed)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });

  it("streams exactly what JSON.stringify would write", () => {
    fc.assert(
      fc.property(arbitraryBundle, (bundle) => {
        expect(serializeBundle(bundle)).toBe(`${JSON.stringify(canonicalBundle(bundle), null, 2)}\n`);
      }),
      { numRuns: 100 },
    );
  });

  it("writes a model's entry as bytes identical to its text, first or not, whatever its characters", () => {
    fc.assert(
      fc.property(arbitraryBundle, fc.string({ unit: "grapheme" }), (bundle, text) => {
        for (const [index, model] of canonicalBundle(bundle).models.entries()) {
          const withText = { ...model, name: `${model.name}${text}` };
          for (const at of [index, index + 1])
            expect(modelEntryBytes(withText, at).toString("utf8")).toBe(modelEntryText(withText, at));
        }
      }),
      { numRuns: 100 },
    );
  });

  it("writes a model's entry from its snapshots' jsonb text as the same bytes as from the parsed snapshots", () => {
    // A value as PostgreSQL prints a jsonb: ", " and ": " between tokens, keys in the order given.
    const jsonbText = (v: unknown): string =>
      Array.isArray(v)
        ? `[${v.map(jsonbText).join(", ")}]`
        : v !== null && typeof v === "object"
          ? `{${Object.entries(v)
              .map(([k, x]) => `${JSON.stringify(k)}: ${jsonbText(x)}`)
              .join(", ")}}`
          : JSON.stringify(v);
    fc.assert(
      fc.property(arbitraryBundle, jsonValue, (bundle, extra) => {
        for (const [index, model] of canonicalBundle(bundle).models.entries()) {
          const withExtra = {
            ...model,
            versions: model.versions.map((v, k) =>
              k === 0 ? { ...v, snapshot: sortKeysDeep({ ...v.snapshot, extra }) as typeof v.snapshot } : v,
            ),
          };
          const texts = withExtra.versions.map((v) => Buffer.from(jsonbText(v.snapshot), "utf8"));
          for (const at of [index, index + 1])
            expect(modelEntryBytesFromJsonb(withExtra, at, texts).toString("utf8")).toBe(
              modelEntryBytes(withExtra, at).toString("utf8"),
            );
        }
      }),
      { numRuns: 100 },
    );
  });

  it("orders keys and arrays whatever the input order", () => {
    const bundle = sampleBundle();
    const shuffled: Bundle = {
      ...bundle,
      models: [...bundle.models].reverse(),
      settings: [
        { key: "b", value: { z: 1, a: [{ y: 1, b: 2 }] } },
        { key: "a", value: 1 },
      ],
      connections: [{ ...bundle.connections![0]!, config: { port: 5432, host: "db" } }],
    };
    const text = serializeBundle(shuffled);
    expect(text.indexOf('"slug": "customers"')).toBeLessThan(text.indexOf('"slug": "orders"'));
    expect(text.indexOf('"key": "a"')).toBeLessThan(text.indexOf('"key": "b"'));
    expect(text).toContain('"value": {\n        "a": [\n          {\n            "b": 2,\n            "y": 1');
    expect(text).toContain('"config": {\n        "host": "db",\n        "port": 5432');
    expect(text.endsWith("\n")).toBe(true);
    // Envelope first, models last.
    const keys = Object.keys(JSON.parse(text) as object);
    expect(keys.slice(0, 6)).toEqual(["format", "version", "scope", "meta", "project", "sections"]);
    expect(keys.at(-1)).toBe("models");
  });

  it("orders free-form keys as jsonb does: shorter first, then bytewise; array indices first", () => {
    expect(
      Object.keys(sortKeysDeep({ b: 1, B: 2, a: 3, "a-b": 4, a0: 5, "10": 6, "9": 7, é: 8, z: 9 }) as object),
    ).toEqual(["9", "10", "B", "a", "b", "z", "a0", "é", "a-b"]);
  });

  it("writes free-form keys in the order PostgreSQL's jsonb returns them", () => {
    // What `SELECT '{"sql":1,"name":2,"type":3,"description":4,"ü":5,"zz":6}'::jsonb::text` answers.
    const fromJsonb = '{"zz": 6, "ü": 5, "sql": 1, "name": 2, "type": 3, "description": 4}';
    expect(Object.keys(sortKeysDeep({ sql: 1, name: 2, type: 3, description: 4, ü: 5, zz: 6 }) as object)).toEqual(
      Object.keys(JSON.parse(fromJsonb) as object),
    );
  });
});
