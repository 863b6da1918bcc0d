import { describe, expect, it } from "vitest";
import type { ImportOptions } from "@/lib/import/import-options";
import { sampleBundle } from "@/test/bundles";
import { checkImportPlan, hasProblems, type WizardTarget } from "./plan-in-browser";

const target: WizardTarget = {
  tenantSlug: "acme",
  projects: [
    { slug: "demo", displayName: "Demo here" },
    { slug: "other", displayName: "Other" },
  ],
  connections: [
    { name: "wh", type: "postgres", projects: ["demo"] },
    { name: "events", type: "bigquery", projects: [] },
  ],
};
const bundle = sampleBundle();
const options = (extra: Partial<ImportOptions> = {}): ImportOptions => ({
  mode: "create",
  projectSlug: "fresh",
  connectionMapping: { wh: { action: "map", target: "wh" } },
  ...extra,
});

describe("checkImportPlan", () => {
  it("finds nothing wrong with a plan the planner accepts", () => {
    const check = checkImportPlan(bundle, options(), target);
    expect(hasProblems(check)).toBe(false);
  });

  it("puts a taken slug on the slug field with the planner's free suggestion", () => {
    const check = checkImportPlan(bundle, options({ projectSlug: "demo" }), target);
    expect(check.projectSlug).toMatchObject({ code: "SLUG_TAKEN", suggestion: "demo-2" });
    expect(check.projectSlug!.message).toContain('"demo" is taken in this tenant');
  });

  it("keeps checking the connections after a slug problem", () => {
    const check = checkImportPlan(
      bundle,
      options({ projectSlug: "Not A Slug", connectionMapping: { wh: { action: "pending", name: "events" } } }),
      target,
    );
    expect(check.projectSlug?.code).toBe("INVALID_SLUG");
    expect(check.connections.wh).toMatchObject({ code: "CONNECTION_MAPPING_REQUIRED" });
    expect(check.connections.wh!.message).toMatch(/^The name "events" is taken in tenant "acme"/);
  });

  it("asks for the project to replace when none is chosen", () => {
    const check = checkImportPlan(bundle, options({ mode: "replace", projectSlug: "" }), target);
    expect(check.projectSlug?.message).toBe("Choose the project to replace.");
    expect(hasProblems(checkImportPlan(bundle, options({ mode: "replace", projectSlug: "other" }), target))).toBe(
      false,
    );
  });

  it("puts model slug problems on the renamed model, and still checks the rest", () => {
    const invalid = checkImportPlan(bundle, options({ modelSlugOverrides: { orders: "Bad Slug" } }), target);
    expect(invalid.models.orders?.message).toMatch(/use lowercase letters, digits and single dashes/);
    const duplicate = checkImportPlan(
      bundle,
      options({ modelSlugOverrides: { orders: "customers", customers: "customers" }, connectionMapping: {} }),
      target,
    );
    expect(duplicate.models).toEqual({
      orders: { code: "INVALID_OPTIONS", message: 'Another model is already named "customers".' },
    });
    expect(Object.keys(duplicate.connections)).toEqual(["wh"]);
  });

  it("reports a problem no field can fix on the form", () => {
    const dangling = sampleBundle({
      recipes: [{ slug: "r", name: "R", definition: { models: ["ghost"], steps: [] } }],
    });
    const check = checkImportPlan(dangling, options(), target);
    expect(check.form?.code).toBe("DANGLING_REFERENCE");
  });

  it("refuses a selection that leaves a joined model out, naming it; merge leaves that to the server", () => {
    const select = { models: { exclude: ["customers"] } };
    const replace = checkImportPlan(bundle, options({ mode: "replace", projectSlug: "demo", select }), target);
    expect(replace.form).toMatchObject({ code: "DANGLING_REFERENCE", message: expect.stringContaining('"customers"') });
    // The page does not know the target's models: in merge, the join may land on one of them.
    const merge = checkImportPlan(bundle, options({ mode: "merge", projectSlug: "demo", select }), target);
    expect(merge.form).toBeUndefined();
  });

  it("places a model import's taken slug on its model", () => {
    const modelBundle = sampleBundle({ scope: "model", models: [sampleBundle().models[0]!] });
    const intoProject = { ...target, project: { slug: "demo", displayName: "Demo", modelSlugs: ["customers"] } };
    const check = checkImportPlan(modelBundle, options({ projectSlug: "demo" }), intoProject);
    expect(check.models.customers).toMatchObject({ code: "SLUG_TAKEN", suggestion: "customers-2" });
  });
});
