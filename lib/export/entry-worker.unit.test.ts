import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { sampleBundle } from "@/test/bundles";
import { canonicalBundle, modelEntryFromWrapped, modelEntryText, wrappedEntry } from "@/lib/bundle/canonical-json";
import type { BundleModel } from "@/lib/bundle/sections/models";
import { stopEntryWorker, wrappedEntryOnWorker } from "./entry-worker";

// Snapshots as the database hands them to the export: JSON text, keys in canonical order.
const asJsonbText = (model: BundleModel): BundleModel => ({
  ...model,
  versions: model.versions.map((v) => ({ ...v, snapshot: JSON.stringify(v.snapshot) as never })),
});

describe("the export's worker", () => {
  afterAll(() => stopEntryWorker());

  it("writes the same bytes as the main thread would, for any snapshot content", async () => {
    const base = canonicalBundle(sampleBundle()).models[0]!;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 1, maxLength: 3 }),
        fc.string({ unit: "grapheme" }),
        async (values, name) => {
          const model: BundleModel = {
            ...base,
            name: `${base.name}${name}`,
            versions: values.map((value, i) => ({
              ...base.versions[0]!,
              number: i + 1,
              snapshot: JSON.parse(JSON.stringify({ ...base.versions[0]!.snapshot, extra: value })) as never,
            })),
          };
          const bytes = await wrappedEntryOnWorker(asJsonbText(model));
          expect(Buffer.from(bytes).equals(Buffer.from(wrappedEntry(model)))).toBe(true);
          expect(modelEntryFromWrapped(bytes, 1).toString("utf8")).toBe(modelEntryText(model, 1));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("answers several models at once, each with its own bytes", async () => {
    const base = canonicalBundle(sampleBundle()).models[0]!;
    const models = Array.from({ length: 12 }, (_, i) => ({ ...base, slug: `m${i}`, name: `Model ${i}` }));
    const answers = await Promise.all(models.map((m) => wrappedEntryOnWorker(asJsonbText(m))));
    answers.forEach((bytes, i) => expect(Buffer.from(bytes).toString("utf8")).toBe(wrappedEntry(models[i]!)));
  });

  it("writes a model on the main thread when the worker stops under it, then starts a new one", async () => {
    const base = canonicalBundle(sampleBundle()).models[0]!;
    const answer = wrappedEntryOnWorker(asJsonbText(base));
    await stopEntryWorker();
    expect(Buffer.from(await answer).toString("utf8")).toBe(wrappedEntry(base));
    expect(Buffer.from(await wrappedEntryOnWorker(asJsonbText(base))).toString("utf8")).toBe(wrappedEntry(base));
  });

  it("refuses a snapshot that is not JSON, and keeps serving", async () => {
    const base = canonicalBundle(sampleBundle()).models[0]!;
    const broken = { ...base, versions: [{ ...base.versions[0]!, snapshot: "{not json" as never }] };
    await expect(wrappedEntryOnWorker(broken)).rejects.toThrow(/could not write a model/);
    const bytes = await wrappedEntryOnWorker(asJsonbText(base));
    expect(Buffer.from(bytes).toString("utf8")).toBe(wrappedEntry(base));
  });
});
