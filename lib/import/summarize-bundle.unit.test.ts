import { describe, expect, it } from "vitest";
import { sampleBundle } from "@/test/bundles";
import { summarizeBundle } from "./summarize-bundle";

describe("summarizeBundle", () => {
  it("counts every section from the registry and never shows a secret", () => {
    const bundle = sampleBundle({
      connections: [{ name: "wh", type: "postgres", config: {}, credentials: { encrypted: "gAAAAAtoken" } }],
    });
    const summary = summarizeBundle(bundle);
    expect(summary.counts).toEqual({
      models: 2,
      versions: 2,
      aggregates: 2,
      pockets: 0,
      connections: 1,
      llmConfigs: 1,
      agent: 1,
      recipes: 1,
      settings: 1,
      accessBindings: 1,
    });
    expect(summary.connections).toEqual([{ name: "wh", type: "postgres", credentials: "encrypted" }]);
    expect(JSON.stringify(summary)).not.toContain("gAAAAAtoken");
    expect(summary.sections[0]).toBe("models");
  });

  it("counts absent sections as zero", () => {
    const { connections: _c, agent: _a, ...rest } = sampleBundle();
    const summary = summarizeBundle({ ...rest, sections: [] });
    expect(summary.counts.connections).toBe(0);
    expect(summary.counts.agent).toBe(0);
    expect(summary.hasAgent).toBe(false);
  });
});
