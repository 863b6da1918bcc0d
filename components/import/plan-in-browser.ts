import type { Bundle } from "@/lib/bundle/schema";
import { isAppError, type AppError } from "@/lib/errors";
import type { ImportOptions } from "@/lib/import/import-options";
import { isItemwiseMode, planImport, type ImportTarget, type TargetConnection } from "@/lib/import/plan-import";

// The one seam between the wizard and the import planner. The planner is the authority on what
// an import may do; the wizard runs it (in the bundle worker) on every edit and places its
// errors on the form's fields. Nothing here decides validity: it only translates.

/** What the wizard knows of the target tenant (loaded with the page). */
export interface WizardTarget {
  tenantSlug: string;
  projects: { slug: string; displayName: string }[];
  connections: TargetConnection[];
  /** Model import: the receiving project and its models. */
  project?: { slug: string; displayName: string; modelSlugs: string[] };
}

export interface WizardError {
  code: string;
  message: string;
  details?: unknown;
}

export interface FieldProblem {
  code: string;
  message: string;
  /** SLUG_TAKEN: a free slug the user can take with one click. */
  suggestion?: string;
}

/** The planner's verdict on the current options, placed on the form's fields. */
export interface PlanCheck {
  projectSlug?: FieldProblem;
  /** By exported model slug. */
  models: Record<string, FieldProblem>;
  /** By exported connection name. */
  connections: Record<string, FieldProblem>;
  /** What no field can fix (a dangling reference…). */
  form?: WizardError;
}

export { hasProblems } from "./has-problems";

/** The planner's view of the target: access bindings never fail a plan, so users are not needed. */
export function plannerTarget(target: WizardTarget, options: ImportOptions): ImportTarget {
  const replaced = options.mode !== "create" ? target.projects.find((p) => p.slug === options.projectSlug) : undefined;
  return {
    tenantSlug: target.tenantSlug,
    projectSlugs: target.projects.map((p) => p.slug),
    project: target.project ?? (replaced && { ...replaced, modelSlugs: [] }),
    connections: target.connections,
    users: [],
  };
}

const MAX_PASSES = 4;

/**
 * Runs the planner and collects its errors. The planner stops at the first problem, so after a
 * field's error the field is set aside (its value swapped for the bundle's own) and the planner runs
 * again, to show the connection rows' problems next to a taken slug.
 */
export function checkImportPlan(bundle: Bundle, options: ImportOptions, target: WizardTarget): PlanCheck {
  const check: PlanCheck = { models: {}, connections: {} };
  let current = { options, target: plannerTarget(target, options) };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    try {
      planImport(bundle, current.options, current.target);
      return check;
    } catch (error) {
      if (!isAppError(error)) throw error;
      const next = place(error, bundle, current, check);
      if (!next) return check;
      current = next;
    }
  }
  return check;
}

type Attempt = { options: ImportOptions; target: ImportTarget };

function detailsOf(error: AppError): Record<string, unknown>[] {
  const details = error.details as unknown;
  if (Array.isArray(details)) return details as Record<string, unknown>[];
  return details && typeof details === "object" ? [details as Record<string, unknown>] : [];
}

/** Records the error on its field; returns the next attempt with that field set aside, or null to stop. */
function place(error: AppError, bundle: Bundle, attempt: Attempt, check: PlanCheck): Attempt | null {
  const { options, target } = attempt;
  const details = detailsOf(error);
  const first = details[0] ?? {};
  const slug = typeof first.slug === "string" ? first.slug : undefined;
  const suggestion = typeof first.suggestion === "string" ? first.suggestion : undefined;

  if (bundle.scope === "project" && ["SLUG_TAKEN", "INVALID_SLUG", "PROJECT_NOT_FOUND"].includes(error.code)) {
    if (typeof first.model !== "string") {
      check.projectSlug = projectSlugProblem(error, options, slug, suggestion);
      return {
        options: { ...options, projectSlug: bundle.project.slug },
        target: { ...target, projectSlugs: [], project: target.project ?? { ...bundle.project, modelSlugs: [] } },
      };
    }
  }
  if (error.code === "INVALID_SLUG" && typeof first.model === "string") {
    check.models[first.model] = { code: error.code, message: error.message };
    return withoutOverrides(attempt, [first.model]);
  }
  if (bundle.scope === "model" && (error.code === "SLUG_TAKEN" || error.code === "NOT_FOUND")) {
    const model = bundle.models[0]!.slug;
    check.models[model] = { code: error.code, message: error.message, suggestion };
    return null;
  }
  const duplicate = details.find((d) => d.path === "modelSlugOverrides");
  if (error.code === "INVALID_OPTIONS" && duplicate) {
    const name = typeof duplicate.slug === "string" ? duplicate.slug : /"([^"]+)"/.exec(String(duplicate.reason))?.[1];
    const renamed = Object.entries(options.modelSlugOverrides ?? {})
      .filter(([from, to]) => to === name && from !== to)
      .map(([from]) => from);
    for (const from of renamed)
      check.models[from] = { code: error.code, message: `Another model is already named "${name}".` };
    return renamed.length > 0 ? withoutOverrides(attempt, renamed) : stop(error, check);
  }
  const rows = details.filter((d) => typeof d.path === "string" && d.path.startsWith("connectionMapping."));
  if (rows.length > 0 && (error.code === "CONNECTION_MAPPING_REQUIRED" || error.code === "CONNECTION_TYPE_MISMATCH")) {
    for (const row of rows) {
      const name = (row.path as string).slice("connectionMapping.".length);
      const reason = error.code === "CONNECTION_MAPPING_REQUIRED" ? sentence(String(row.reason)) : error.message;
      check.connections[name] = { code: error.code, message: reason };
    }
    return null;
  }
  // Merge and skip-existing keep the target's models, which the browser does not know: a join to
  // one of them is not dangling. The server's plan (the review step) decides those.
  if (error.code === "DANGLING_REFERENCE" && isItemwiseMode(options.mode)) return null;
  return stop(error, check);
}

function projectSlugProblem(
  error: AppError,
  options: ImportOptions,
  slug: string | undefined,
  suggestion: string | undefined,
): FieldProblem {
  if (error.code === "SLUG_TAKEN")
    return {
      code: error.code,
      message: `"${slug}" is taken in this tenant: use another slug, or replace that project.`,
      suggestion,
    };
  if (options.mode !== "create" && !options.projectSlug)
    return {
      code: error.code,
      message: options.mode === "replace" ? "Choose the project to replace." : "Choose the project to import into.",
    };
  return { code: error.code, message: error.message };
}

function withoutOverrides(attempt: Attempt, models: string[]): Attempt {
  const overrides = Object.fromEntries(
    Object.entries(attempt.options.modelSlugOverrides ?? {}).filter(([from]) => !models.includes(from)),
  );
  return { ...attempt, options: { ...attempt.options, modelSlugOverrides: overrides } };
}

function stop(error: AppError, check: PlanCheck): null {
  check.form = { code: error.code, message: error.message, details: error.details };
  return null;
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
