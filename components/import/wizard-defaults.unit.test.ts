import { describe, expect, it } from "vitest";
import { summarizeBundle } from "@/lib/import/summarize-bundle";
import { sampleBundle } from "@/test/bundles";
import type { WizardTarget } from "./plan-in-browser";
import { defaultDisplayName, defaultImportOptions, optionsForMode } from "./wizard-defaults";

const summary = summarizeBundle(
  sampleBundle({
    connections: [
      { name: "wh", type: "postgres", config: {}, credentials: "stripped" },
      { name: "fresh", type: "snowflake", config: {}, credentials: { encrypted: "token" } },
      { name: "lonely", type: "mysql", config: {}, credentials: "none" },
    ],
  }),
);
const target: WizardTarget = {
  tenantSlug: "acme",
  projects: [{ slug: "demo", displayName: "Demo (prod)" }],
  connections: [{ name: "wh", type: "postgres", projects: ["demo"] }],
};

describe("defaultImportOptions", () => {
  it("starts a project import in create mode with the bundle's slug and name", () => {
    expect(defaultImportOptions(summary, target, "secret pass")).toEqual({
      mode: "create",
      tenant: "acme",
      passphrase: "secret pass",
      projectSlug: "demo",
      displayName: "Demo",
      modelSlugOverrides: { customers: "customers", orders: "orders" },
      connectionMapping: {
        wh: { action: "map", target: "wh", name: "wh" },
        fresh: { action: "create", name: "fresh" },
        lonely: { action: "pending", name: "lonely" },
      },
      overrideCredentials: false,
    });
  });

  it("imports a model into the receiving project, without a display name", () => {
    const options = defaultImportOptions(
      { ...summary, scope: "model" },
      { ...target, project: { slug: "demo", displayName: "Demo", modelSlugs: [] } },
    );
    expect(options.projectSlug).toBe("demo");
    expect(options).not.toHaveProperty("displayName");
    expect(options).not.toHaveProperty("passphrase");
  });
});

describe("switching mode", () => {
  const current = defaultImportOptions(summary, target);
  it("replace picks the project with the bundle's slug and keeps that project's own name", () => {
    expect(optionsForMode("replace", summary, target, false, current)).toEqual({
      mode: "replace",
      projectSlug: "demo",
      displayName: "Demo (prod)",
    });
  });
  it("merge and skip-existing start on the same project as replace, keeping its name", () => {
    for (const mode of ["merge", "skip-existing"] as const)
      expect(optionsForMode(mode, summary, target, false, current)).toEqual({
        mode,
        projectSlug: "demo",
        displayName: "Demo (prod)",
      });
  });
  it("keeps a display name the user typed", () => {
    expect(optionsForMode("replace", summary, target, true, { ...current, displayName: "Mine" }).displayName).toBe(
      "Mine",
    );
  });
  it("replace with no project of that slug starts unchosen; create goes back to the bundle", () => {
    expect(optionsForMode("replace", summary, { ...target, projects: [] }, false, current).projectSlug).toBe("");
    expect(optionsForMode("create", summary, target, false, current)).toEqual({
      mode: "create",
      projectSlug: "demo",
      displayName: "Demo",
    });
  });
  it("names the default after the chosen project in replace mode", () => {
    expect(defaultDisplayName("replace", "demo", summary, target)).toBe("Demo (prod)");
    expect(defaultDisplayName("create", "demo", summary, target)).toBe("Demo");
  });
});
