import { describe, expect, it } from "vitest";
import { sampleBundle } from "@/test/bundles";
import { serializeBundle } from "@/lib/bundle/canonical-json";
import { outlineBundle, parseBundleText } from "@/lib/bundle/parse-bundle";
import { summarizeBundle } from "@/lib/import/summarize-bundle";
import { earlySummary } from "./early-summary";

describe("earlySummary", () => {
  it("is the validated bundle's summary, for a valid bundle", () => {
    const text = serializeBundle(sampleBundle());
    expect(earlySummary(JSON.parse(text))).toEqual(summarizeBundle(parseBundleText(text)));
  });

  it("is the validated bundle's summary when made from the outline of the bytes (no snapshot parsed)", () => {
    for (const text of [
      serializeBundle(sampleBundle()),
      JSON.stringify(sampleBundle()),
      `\ufeff${JSON.stringify(sampleBundle())}`,
    ]) {
      const outline = outlineBundle(new TextEncoder().encode(text));
      expect(outline).not.toBeNull();
      expect((outline!.models as { versions: unknown[]; draft?: unknown }[])[0]!.draft).toBeUndefined();
      expect(earlySummary(outline)).toEqual(summarizeBundle(parseBundleText(text)));
    }
  });

  it("has no outline for a file the splitter cannot follow", () => {
    const text = serializeBundle(sampleBundle());
    for (const bad of [text.replace('"versions": [', '"versions": 5, "v": ['), text.slice(0, -2), "[]", ""])
      expect(outlineBundle(new TextEncoder().encode(bad))).toBeNull();
  });

  it("is null unless everything but the models passes the schema and the models have what it reads", () => {
    const raw = JSON.parse(serializeBundle(sampleBundle())) as Record<string, unknown> & { models: object[] };
    for (const bad of [
      null,
      [],
      "bundle",
      { format: "kibana", version: 1 },
      { ...raw, format: "kibana" },
      { ...raw, version: 2 },
      { ...raw, project: { slug: "Demo", displayName: "d", active: true } },
      { ...raw, queryLogs: [] },
      { ...raw, models: {} },
      { ...raw, models: [null] },
      { ...raw, models: [{ ...raw.models[0], slug: 1 }] },
      { ...raw, models: [{ ...raw.models[0], versions: {} }] },
      { ...raw, models: [{ ...raw.models[0], deployedVersion: "1" }] },
    ])
      expect(earlySummary(bad)).toBeNull();
  });
});
