import { describe, expect, it } from "vitest";
import { largeProjectBundle } from "@/test/large-bundle";
import { ByteSource } from "./byte-source";
import { KeptOutcomes, parseUploadedBundle } from "./check-models-in-parallel";
import { MAX_DETAILS, parseBundleSource, type ModelOutcome } from "./parse-bundle";
import { RawJson } from "./raw-json";
import type { Bundle } from "./schema";
import { sha256 } from "@/lib/import/plan-token";

// The two-thread check against the one-thread one, on a real worker thread: the same bundle (each
// snapshot's bytes, join targets and digest) and the same error for every kind of bad model.

const bundleText = largeProjectBundle({
  slug: "big",
  models: 24,
  versionsPerModel: 3,
  snapshotBytes: 4_000,
  label: "x",
});

async function bothWays(text: string) {
  const bytes = new TextEncoder().encode(text);
  const outcome = async (parse: () => Bundle | Promise<Bundle>) => {
    try {
      return { bundle: comparable(await parse()) };
    } catch (error) {
      return { error: { ...(error as object), message: (error as Error).message } };
    }
  };
  const stats = { onWorker: 0 };
  return {
    one: await outcome(() => parseBundleSource(ByteSource.of(bytes), 1e9, sha256)),
    two: await outcome(() => parseUploadedBundle(ByteSource.of(bytes), 1e9, { minBytes: 0, stats })),
    stats,
  };
}

/** The bundle with each snapshot as its text, join targets and digest (a worker's digest is a Uint8Array, not a Buffer). */
function comparable(bundle: Bundle) {
  return {
    ...bundle,
    models: bundle.models.map((model) => ({
      ...model,
      versions: model.versions.map((version) => {
        const raw = version.snapshot as unknown as RawJson;
        return {
          ...version,
          snapshot: { text: raw.text(), joins: raw.joins, digest: Buffer.from(raw.digest!).toString("hex") },
        };
      }),
    })),
  };
}

/** The bundle's text with model `index`'s first snapshot's label replaced by `value` (raw JSON). */
function withModel(index: number, replace: (model: string) => string): string {
  const start = bundleText.indexOf(`{"slug":"model-${String(index).padStart(3, "0")}"`);
  const end = bundleText.indexOf(`{"slug":"model-${String(index + 1).padStart(3, "0")}"`);
  return bundleText.slice(0, start) + replace(bundleText.slice(start, end)) + bundleText.slice(end);
}

describe("parseUploadedBundle", () => {
  it("gives the one-thread bundle, with the worker checking some of the models", async () => {
    const { one, two, stats } = await bothWays(bundleText);
    expect(two).toEqual(one);
    expect(one.bundle?.models).toHaveLength(24);
    expect(one.bundle?.models[23]!.versions[2]!.snapshot.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(stats.onWorker).toBeGreaterThan(0);
  });

  it("gives each of several imports at once its own bundle", async () => {
    const bytes = new TextEncoder().encode(bundleText);
    const one = comparable(parseBundleSource(ByteSource.of(bytes), 1e9, sha256));
    const stats = [{ onWorker: 0 }, { onWorker: 0 }, { onWorker: 0 }];
    const all = await Promise.all(
      stats.map((s) => parseUploadedBundle(ByteSource.of(bytes), 1e9, { minBytes: 0, stats: s })),
    );
    for (const bundle of all) expect(comparable(bundle)).toEqual(one);
    for (const s of stats) expect(s.onWorker).toBeGreaterThan(0);
  });

  it.each([
    ["a forbidden key in a late snapshot", 17, (m: string) => m.replace('"label":"x"', '"__proto__":"x"')],
    ["a schema problem", 9, (m: string) => m.replace('"number":2', '"number":-2')],
    ["a lone surrogate", 20, (m: string) => m.replace('"label":"x"', '"label":"\\ud800"')],
    ["a model that is not JSON", 13, (m: string) => m.replace('"label":"x"', '"label":x')],
  ])("refuses %s exactly as one thread does", async (_name, index, edit) => {
    const { one, two } = await bothWays(withModel(index, edit));
    expect("error" in one).toBe(true);
    expect(two).toEqual(one);
  });
});

describe("two threads on a file of many bad models", () => {
  // 120 small models: every one has a schema problem, every seventh from the 40th a forbidden key too.
  const many = largeProjectBundle({ slug: "many", models: 120, versionsPerModel: 1, snapshotBytes: 300, label: "y" });
  const modelAt = (text: string, i: number) => text.indexOf(`{"slug":"model-${String(i).padStart(3, "0")}"`);

  it.each([
    ["schema problems only", (text: string) => text.replaceAll('"number":1,', '"number":-1,')],
    [
      "schema problems and, further on, forbidden keys",
      (text: string) => {
        let out = text.replaceAll('"number":1,', '"number":-1,');
        for (let i = 40; i < 120; i += 7) {
          const at = modelAt(out, i);
          out = out.slice(0, at) + out.slice(at).replace('"label":"y"', '"__proto__":"y"');
        }
        return out;
      },
    ],
  ])("refuses it exactly as one thread does: %s", async (_name, edit) => {
    const { one, two, stats } = await bothWays(edit(many));
    expect(one).toMatchObject({ error: { code: "INVALID_BUNDLE" } });
    expect(two).toEqual(one);
    expect(stats.onWorker).toBeGreaterThan(0);
  });

  it("keeps at most MAX_DETAILS models' problems of each kind, and no valid model once one is bad", () => {
    const kept = new KeptOutcomes();
    const order = Array.from({ length: 5_000 }, (_, i) => i).sort(
      (a, b) => ((a * 7919) % 5_000) - ((b * 7919) % 5_000),
    );
    const problems = (i: number) => [1, 2, 3].map((k) => ({ path: `models.${i}.x${k}`, reason: "bad" }));
    for (const i of order)
      kept.set(
        i,
        i % 10 === 0
          ? ({ kind: "valid", model: { slug: `m${i}` } } as unknown as ModelOutcome)
          : { kind: i % 3 === 0 ? "scanned" : "invalid", problems: problems(i) },
      );
    let listed = 0;
    for (let i = 0; i < 5_000; i++) {
      const outcome = kept.get(i)!;
      expect(outcome.kind).not.toBe("valid");
      if (outcome.kind === "scanned" || outcome.kind === "invalid") listed += outcome.problems.length;
    }
    expect(listed).toBe(2 * MAX_DETAILS * 3);
    // The first models with problems keep theirs, in full.
    expect(kept.get(1)).toEqual({ kind: "invalid", problems: problems(1) });
    expect(kept.get(3)).toEqual({ kind: "scanned", problems: problems(3) });
    expect(kept.get(4_999)).toMatchObject({ problems: [] });
  });
});
