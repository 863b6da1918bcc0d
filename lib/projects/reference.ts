import { z } from "zod";
import type { Bundle } from "@/lib/bundle/schema";
import { AppError } from "@/lib/errors";

// Reference (managed) projects (SPEC §13) — the one authority for what an import may do to one and
// what makes one. Pure: the import's planner calls it with what it read in its transaction.

/** Where a reference project comes from: the bundle's source instance, tenant and project. */
export const referenceSourceSchema = z
  .object({
    instance: z.string(),
    tenant: z.string(),
    project: z.string(),
    /** The export time of the bundle last imported (absent for `--stable` bundles). */
    exportedAt: z.string().optional(),
    exportedBy: z.string().optional(),
  })
  .meta({ id: "ReferenceSource" });
export type ReferenceSource = z.infer<typeof referenceSourceSchema>;

/** The reference a stored `referenceSource` column holds (null when absent or unreadable). */
export function readReferenceSource(value: unknown): ReferenceSource | null {
  const parsed = referenceSourceSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function referenceSourceOf(bundle: Bundle): ReferenceSource {
  return {
    instance: bundle.meta.source.instance,
    tenant: bundle.meta.source.tenant,
    project: bundle.project.slug,
    ...(bundle.meta.exportedAt ? { exportedAt: bundle.meta.exportedAt } : {}),
    exportedBy: bundle.meta.exportedBy,
  };
}

/** The same source: the same project of the same tenant of the same instance (export time aside). */
export function sameSource(a: ReferenceSource, b: ReferenceSource): boolean {
  return a.instance === b.instance && a.tenant === b.tenant && a.project === b.project;
}

/** "sales-analytics (acme on ferry.example.com)" — how the UI, the CLI and errors name a source. */
export function describeSource(source: ReferenceSource | null): string {
  if (!source) return "an unknown source";
  return `${source.project} (${source.tenant} on ${source.instance})`;
}

/**
 * What the import does to the target's reference state: `create` a new reference project, `convert`
 * an ordinary project into one (replace), or a `update` a reference from its source; null when the
 * import neither makes nor updates a reference.
 */
export type ReferencePlan = { action: "create" | "convert" | "update"; source: ReferenceSource } | null;

export function planReference(input: {
  bundle: Bundle;
  mode: "create" | "replace" | "merge" | "skip-existing";
  /** The import option: make the target a reference. */
  reference?: boolean;
  /** The existing target project (replace, merge, skip-existing, model import). */
  target?: { slug: string; reference: ReferenceSource | null };
  /** A restore puts a snapshot back and leaves the reference state as it is. */
  restore?: boolean;
}): ReferencePlan {
  const { bundle, mode, target } = input;
  if (input.restore) return null;
  const source = referenceSourceOf(bundle);
  // A project-scope create makes a new project; anything else acts on the existing target.
  const current = bundle.scope === "project" && mode === "create" ? null : (target?.reference ?? null);
  if (current) {
    if (bundle.scope === "model")
      throw new AppError(
        "PROJECT_MANAGED",
        `Project "${target!.slug}" is a reference of ${describeSource(current)}: models are updated by importing the whole project from there.`,
        { project: target!.slug },
      );
    if (!sameSource(current, source))
      throw new AppError(
        "PROJECT_MANAGED",
        `Project "${target!.slug}" is a reference of ${describeSource(current)}; this bundle comes from ${describeSource(source)}. A tenant admin can detach the project first to import it.`,
        { project: target!.slug, reference: current, bundle: source },
      );
    if (mode !== "replace" && mode !== "merge")
      throw new AppError(
        "PROJECT_MANAGED",
        `Project "${target!.slug}" is a reference: a reference update uses replace or merge mode.`,
        { project: target!.slug },
      );
    return { action: "update", source };
  }
  if (!input.reference) return null;
  if (bundle.scope === "model" || (mode !== "create" && mode !== "replace"))
    throw new AppError(
      "INVALID_OPTIONS",
      "Only a whole-project import in create or replace mode can make a reference project (the project becomes exactly its source).",
      [{ path: "reference", reason: `not with ${bundle.scope === "model" ? "a model bundle" : `mode "${mode}"`}` }],
    );
  return { action: mode === "create" ? "create" : "convert", source };
}

/** One line on what an import does to the reference state, for the plan and the result. */
export function referenceNote(reference: NonNullable<ReferencePlan>): string {
  const from = describeSource(reference.source);
  switch (reference.action) {
    case "create":
      return `imported as a reference of ${from}: read-only here`;
    case "convert":
      return `becomes a reference of ${from}: read-only here`;
    case "update":
      return `Reference update from ${from}`;
  }
}
