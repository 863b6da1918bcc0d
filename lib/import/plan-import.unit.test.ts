import { describe, expect, it } from "vitest";
import { sampleBundle } from "@/test/bundles";
import { planImport, suggestFreeSlug, type ImportTarget } from "./plan-import";

// The planner without a database: the rules every surface (API, wizard, CLI) relies on.
const target = (overrides: Partial<ImportTarget> = {}): ImportTarget => ({
  tenantSlug: "acme",
  projectSlugs: ["sales"],
  connections: [{ name: "wh", type: "postgres", projects: ["sales"] }],
  users: [{ email: "a@x.test", member: true }],
  ...overrides,
});
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return { code: (error as { code?: string }).code, details: (error as { details?: unknown }).details };
  }
};
const mapWh = { wh: { action: "map" as const, target: "wh" } };

describe("planImport", () => {
  it("plans a create: project, mapped connection, bindings, and the checklist", () => {
    const plan = planImport(sampleBundle(), { mode: "create", connectionMapping: mapWh }, target());
    expect(plan.project).toEqual({ slug: "demo", displayName: "Demo", active: true });
    expect(plan.connections).toEqual([
      {
        exportedName: "wh",
        type: "postgres",
        action: "map",
        targetName: "wh",
        writesSecret: false,
        sharedWith: ["sales"],
      },
    ]);
    expect(plan.bindings).toEqual([{ email: "a@x.test", role: "EDITOR", model: "orders" }]);
    expect(plan.report.summary.models).toEqual({ created: 2, updated: 0, skipped: 0 });
    expect(plan.report.summary.connections).toEqual({ created: 0, updated: 0, skipped: 1 });
    expect(plan.report.requiredActions.map((a) => a.kind)).toEqual([
      "deploy-model",
      "deploy-model",
      "refresh",
      "enter-credentials",
      "retest-agent",
    ]);
    expect(plan.report.warnings.map((w) => w.code)).toEqual(["SHARED_CONNECTION_MAPPED", "CREDENTIALS_NOT_INCLUDED"]);
  });

  it("refuses a taken slug with a free suggestion", () => {
    expect(
      codeOf(() =>
        planImport(sampleBundle(), { mode: "create", projectSlug: "sales", connectionMapping: mapWh }, target()),
      ),
    ).toMatchObject({
      code: "SLUG_TAKEN",
      details: { slug: "sales", suggestion: "sales-2" },
    });
  });

  it("asks for a decision on connections it cannot create", () => {
    expect(codeOf(() => planImport(sampleBundle(), { mode: "create" }, target()))).toMatchObject({
      code: "CONNECTION_MAPPING_REQUIRED",
      details: [{ path: "connectionMapping.wh", connection: "wh", type: "postgres" }],
    });
  });

  it("refuses a mapping onto a connection of another type", () => {
    const other = target({ connections: [{ name: "bq", type: "bigquery", projects: [] }] });
    expect(
      codeOf(() =>
        planImport(
          sampleBundle(),
          { mode: "create", connectionMapping: { wh: { action: "map", target: "bq" } } },
          other,
        ),
      ),
    ).toMatchObject({
      code: "CONNECTION_TYPE_MISMATCH",
    });
  });

  it("rewrites every reference to a renamed model", () => {
    const plan = planImport(
      sampleBundle(),
      { mode: "create", connectionMapping: mapWh, modelSlugOverrides: { orders: "sales-orders" } },
      target(),
    );
    expect(plan.bundle.models.map((m) => m.slug)).toEqual(["customers", "sales-orders"]);
    expect(plan.bundle.agent?.modelContexts[0]?.model).toBe("sales-orders");
    expect(plan.bundle.recipes?.[0]?.definition.models).toEqual(["sales-orders", "customers"]);
    expect(plan.bindings[0]?.model).toBe("sales-orders");
    expect(plan.report.warnings[0]).toMatchObject({ code: "MODEL_RENAMED" });
  });

  it("rejects renames that collide or are not slugs", () => {
    expect(
      codeOf(() =>
        planImport(
          sampleBundle(),
          { mode: "create", connectionMapping: mapWh, modelSlugOverrides: { orders: "customers" } },
          target(),
        ),
      )?.code,
    ).toBe("INVALID_OPTIONS");
    expect(
      codeOf(() =>
        planImport(
          sampleBundle(),
          { mode: "create", connectionMapping: mapWh, modelSlugOverrides: { orders: "Bad Slug" } },
          target(),
        ),
      )?.code,
    ).toBe("INVALID_SLUG");
  });

  it("skips bindings of non-members with one reason, whether or not the e-mail exists elsewhere", () => {
    const plan = planImport(
      sampleBundle(),
      { mode: "create", connectionMapping: mapWh },
      target({ users: [{ email: "a@x.test", member: false }] }),
    );
    const unknown = planImport(sampleBundle(), { mode: "create", connectionMapping: mapWh }, target({ users: [] }));
    expect(plan.bindings).toEqual([]);
    expect(plan.report.warnings.find((w) => w.code === "ACCESS_BINDING_SKIPPED")?.message).toBe(
      unknown.report.warnings.find((w) => w.code === "ACCESS_BINDING_SKIPPED")?.message,
    );
  });

  it("replace needs the project, and reports the project as updated", () => {
    expect(
      codeOf(() =>
        planImport(sampleBundle(), { mode: "replace", projectSlug: "nope", connectionMapping: mapWh }, target()),
      )?.code,
    ).toBe("PROJECT_NOT_FOUND");
    const plan = planImport(
      sampleBundle(),
      { mode: "replace", projectSlug: "sales", connectionMapping: mapWh },
      target({ project: { slug: "sales", displayName: "Sales", modelSlugs: ["x"] } }),
    );
    expect(plan.report.summary.project).toEqual({ created: 0, updated: 1, skipped: 0 });
  });
});

describe("suggestFreeSlug", () => {
  it("counts up and keeps within 63 characters", () => {
    expect(suggestFreeSlug("sales", ["sales", "sales-2"])).toBe("sales-3");
    const long = "a".repeat(63);
    expect(suggestFreeSlug(long, [long])).toHaveLength(63);
    expect(suggestFreeSlug(long, [long]).endsWith("-2")).toBe(true);
  });
});
