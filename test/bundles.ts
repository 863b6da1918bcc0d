import { RawJson } from "@/lib/bundle/raw-json";
import { OPTIONAL_SECTIONS } from "@/lib/bundle/sections";
import type { Bundle, BundleModel } from "@/lib/bundle/schema";

/** A small, valid project bundle for unit tests; override parts as needed. */
export function sampleBundle(overrides: Partial<Bundle> = {}): Bundle {
  const model = (slug: string, joins: string[] = [], connection: string | null = "wh"): BundleModel => {
    const snapshot = {
      sourceTable: `s.${slug}`,
      dimensions: [{ name: "id", type: "number", sql: "id" }],
      measures: [{ name: "total", type: "sum", sql: "amount" }],
      joins: joins.map((target) => ({
        model: target,
        relationship: "many_to_one",
        on: `\${TABLE}.${target}_id = \${${target}}.id`,
      })),
    };
    return {
      slug,
      name: slug.toUpperCase(),
      connection,
      deployedVersion: 1,
      draft: snapshot,
      versions: [{ number: 1, message: "first", author: "a@x.test", createdAt: "2026-01-01T00:00:00.000Z", snapshot }],
      aggregates: [{ name: "agg", definition: { measures: ["total"] } }],
      pockets: [],
    };
  };
  return {
    format: "ferry.project",
    version: 1,
    scope: "project",
    meta: {
      exportedAt: "2026-11-22T10:00:00.000Z",
      exportedBy: "a@x.test",
      source: { tenant: "acme", instance: "test" },
    },
    project: { slug: "demo", displayName: "Demo", active: true },
    sections: [...OPTIONAL_SECTIONS],
    connections: [{ name: "wh", type: "postgres", config: { host: "db", port: 5432 }, credentials: "stripped" }],
    llmConfigs: [
      {
        name: "main",
        provider: "openai",
        endpoint: null,
        model: "gpt",
        params: { temperature: 0.1 },
        credentials: "none",
      },
    ],
    agent: {
      persona: "p",
      rubrics: [{ name: "r", criteria: "c", weight: 1 }],
      modelContexts: [{ model: "orders", context: "ctx" }],
      webhookUrl: null,
    },
    recipes: [
      {
        slug: "mix",
        name: "Mix",
        definition: {
          models: ["orders", "customers"],
          steps: [{ measure: "orders.total" }, { expression: "orders.total / customers.total", as: "ratio" }],
        },
      },
    ],
    settings: [{ key: "tz", value: "UTC" }],
    accessBindings: [{ user: "a@x.test", role: "EDITOR", model: "orders" }],
    models: [model("customers"), model("orders", ["customers"])],
    ...overrides,
  };
}

/** The sample bundle's models alone: no connections or optional sections, so it imports anywhere. */
export function bareBundle(overrides: Partial<Bundle> = {}): Bundle {
  const base = sampleBundle();
  return {
    ...base,
    sections: [],
    connections: undefined,
    llmConfigs: undefined,
    agent: undefined,
    recipes: undefined,
    settings: undefined,
    accessBindings: undefined,
    models: base.models.map((m) => ({ ...m, connection: null })),
    ...overrides,
  };
}

/**
 * A parsed bundle with every snapshot kept as its bytes (RawJson, as uploads are parsed) turned
 * into a plain value, so bundles parsed different ways compare; `read` says how (default: its value).
 */
export function withSnapshotValues(bundle: Bundle, read: (raw: RawJson) => unknown = (raw) => raw.value()): Bundle {
  return {
    ...bundle,
    models: bundle.models.map((m) => ({
      ...m,
      versions: m.versions.map((v) => ({
        ...v,
        snapshot: v.snapshot instanceof RawJson ? (read(v.snapshot) as never) : v.snapshot,
      })),
    })),
  };
}
