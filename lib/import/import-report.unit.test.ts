import { describe, expect, it } from "vitest";
import { sampleBundle } from "@/test/bundles";
import { planImport, type ImportTarget } from "./plan-import";

// The report is built from a plan: counts per section from the registry, warnings, the checklist.
const target: ImportTarget = {
  tenantSlug: "acme",
  projectSlugs: ["demo"],
  project: { slug: "demo", displayName: "Demo", modelSlugs: ["old"], accessBindings: 3 },
  connections: [{ name: "wh", type: "postgres", projects: ["demo", "other"] }],
  users: [],
};
const report = (bundle = sampleBundle(), overrides: object = {}) =>
  planImport(
    bundle,
    { mode: "replace", connectionMapping: { wh: { action: "map", target: "wh" } }, ...overrides },
    target,
  ).report;

describe("import report", () => {
  it("counts every section the bundle carries, in a stable order", () => {
    expect(Object.keys(report().summary)).toEqual([
      "project",
      "models",
      "versions",
      "aggregates",
      "pockets",
      "connections",
      "llmConfigs",
      "agent",
      "recipes",
      "settings",
      "accessBindings",
    ]);
    expect(report().summary.accessBindings).toEqual({ created: 0, updated: 0, skipped: 1 });
  });

  it("leaves out sections the bundle does not carry", () => {
    const { settings: _s, recipes: _r, ...bundle } = sampleBundle();
    const summary = report({ ...bundle, sections: ["connections", "llmConfigs", "agent", "accessBindings"] }).summary;
    expect(summary.settings).toBeUndefined();
    expect(summary.recipes).toBeUndefined();
  });

  it("warns when a replace removes access bindings the bundle does not carry", () => {
    const { accessBindings: _a, ...bundle } = sampleBundle();
    const warnings = report({
      ...bundle,
      sections: ["connections", "llmConfigs", "agent", "recipes", "settings"],
    }).warnings;
    expect(warnings.map((w) => w.code)).toContain("ACCESS_BINDINGS_REMOVED");
  });

  it("names the shared connection and links each required action", () => {
    const { warnings, requiredActions } = report();
    expect(warnings.find((w) => w.code === "SHARED_CONNECTION_MAPPED")?.message).toContain("project other");
    expect(requiredActions[0]).toEqual({
      kind: "deploy-model",
      message: 'Deploy model "customers" (v1 was live in the source).',
      href: "/t/acme/p/demo/m/customers",
      subject: { model: "customers", version: 1 },
    });
    expect(requiredActions.find((a) => a.kind === "enter-credentials")?.href).toBe("/t/acme/p/demo/llm");
  });
});
