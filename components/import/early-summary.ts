import { bundleSchema, type Bundle } from "@/lib/bundle/schema";
import { summarizeBundle, type BundleSummary } from "@/lib/import/summarize-bundle";

/**
 * The summary of a parsed bundle before its models are validated (that takes the worker a few
 * hundred milliseconds more on a 100 MB file): shown while the check runs, then replaced by the
 * validated summary, or by the error if the check fails. Null unless everything but the models
 * already passes the bundle schema and each model has the fields the summary reads. Pure.
 */
export function earlySummary(raw: unknown): BundleSummary | null {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return null;
  const models = (raw as { models?: unknown }).models;
  if (!Array.isArray(models) || !models.every(summarizable)) return null;
  const head = bundleSchema.safeParse({ ...raw, models: [] });
  if (!head.success) return null;
  return summarizeBundle({ ...head.data, models } as Bundle);
}

const nullable = (value: unknown, type: "string" | "number") => value === null || typeof value === type;

function summarizable(model: unknown): boolean {
  if (model === null || typeof model !== "object") return false;
  const m = model as Record<string, unknown>;
  return (
    typeof m.slug === "string" &&
    typeof m.name === "string" &&
    nullable(m.connection, "string") &&
    nullable(m.deployedVersion, "number") &&
    Array.isArray(m.versions) &&
    Array.isArray(m.aggregates) &&
    Array.isArray(m.pockets)
  );
}
