import { planBindings } from "@/lib/bundle/sections/access-bindings";
import { planConnections } from "@/lib/bundle/sections/connections";
import {
  collectModelReferences,
  renameConnectionReferences,
  renameModelReferences,
} from "@/lib/bundle/model-references";
import type { Bundle } from "@/lib/bundle/schema";
import { AppError, type ErrorDetail } from "@/lib/errors";
import { planReference, referenceNote, type ReferencePlan, type ReferenceSource } from "@/lib/projects/reference";
import { isValidSlug } from "@/lib/validations/slug";
import type { ImportOptions } from "./import-options";
import { buildImportReport, type ImportReport } from "./import-report";
import { planChanges, type PlanChanges, type TargetContent } from "./plan-changes";
import { hasSelection, selectItems } from "./select-items";

// Import planning — the pure heart of import and the one authority for its rules (the wizard runs
// it in the browser to validate its form). From the parsed bundle, the options and a snapshot of
// the target (read in the import's transaction), it decides everything that will be written:
// project slug, model renames (rewritten in every reference), connection resolution (the
// connections section), LLM configs, access bindings (the access-bindings section), post-import
// resets, warnings and required actions. No I/O here.

export interface TargetConnection {
  name: string;
  type: string;
  /** Slugs of the projects that use it (linked or referenced by a model). */
  projects: string[];
}

export interface ImportTarget {
  tenantSlug: string;
  projectSlugs: string[];
  /** Replace mode and model import: the existing project. */
  project?: {
    slug: string;
    displayName: string;
    modelSlugs: string[];
    accessBindings?: number;
    /** The source it follows when it is a reference project (SPEC §13). */
    reference?: ReferenceSource | null;
  };
  connections: TargetConnection[];
  /** Emails (lower-case) of existing users, and whether each belongs to the target tenant. */
  users: { email: string; member: boolean }[];
  /** What the existing project holds (read by the server for the plan; absent in the browser's validation). */
  content?: TargetContent;
}

export interface PlannedConnection {
  exportedName: string;
  type: string;
  action: "create" | "map" | "pending";
  /** The connection's name in the target tenant after import. */
  targetName: string;
  /** Whether a secret from the bundle is written (create, or map with override). */
  writesSecret: boolean;
  /** Other projects of the target tenant that use a mapped connection. */
  sharedWith: string[];
}

export interface PlannedBinding {
  email: string;
  role: "ADMIN" | "EDITOR" | "VIEWER";
  model: string | null;
}

export interface ImportPlan {
  scope: Bundle["scope"];
  mode: ImportOptions["mode"];
  project: { slug: string; displayName: string; active: boolean };
  /** The bundle with model renames and connection mapping applied: what gets written. */
  bundle: Bundle;
  renames: Record<string, string>;
  /** Model import: models of the bundle the project already has — updated in place (replace) or kept as they are (create). */
  modelsToUpdate: string[];
  keptModels: string[];
  connections: PlannedConnection[];
  /** Connections the models use that the bundle does not carry (no connections section): matched by name. */
  implicitConnections: string[];
  llmConfigs: { name: string; active: boolean }[];
  bindings: PlannedBinding[];
  usersToCreate: string[];
  /** CLI --create-users: binding users who are not tenant members become members. */
  addMembers: boolean;
  /** Item by item, what applying changes (SPEC §11); merge and skip-existing write exactly its `writes`. */
  changes: PlanChanges;
  /** The target becomes, or stays, a reference of the bundle's source (SPEC §13). */
  reference: ReferencePlan;
  report: ImportReport;
}

/** Modes that never delete and write only what the plan's item comparison says. */
export const isItemwiseMode = (mode: ImportOptions["mode"]) => mode === "merge" || mode === "skip-existing";

/**
 * The bundle as it will be written, before connections are resolved: the selection applied and
 * models renamed (every reference rewritten). The import compares its version snapshots with the
 * target's in the database before planning (see compare-snapshots.ts).
 */
export function selectAndRename(
  fullBundle: Bundle,
  options: ImportOptions,
  target: ImportTarget,
): { bundle: Bundle; selected: Bundle; project: ImportPlan["project"]; renames: Record<string, string> } {
  const selected = selectItems(fullBundle, options.select);
  const project = planProject(selected, options, target);
  const renames = planRenames(selected, options, target, project.slug);
  return { bundle: renameModelReferences(selected, new Map(Object.entries(renames))), selected, project, renames };
}

export function planImport(
  fullBundle: Bundle,
  options: ImportOptions,
  target: ImportTarget,
  context: { restore?: boolean } = {},
): ImportPlan {
  const mode = options.mode;
  const reference = planReference({
    bundle: fullBundle,
    mode,
    reference: options.reference,
    target: target.project && { slug: target.project.slug, reference: target.project.reference ?? null },
    restore: context.restore,
  });
  const prepared = selectAndRename(fullBundle, options, target);
  const { selected: bundle, project, renames } = prepared;
  let planned = prepared.bundle;
  checkModelJoins(planned, target, mode, hasSelection(options));
  const existingModels =
    bundle.scope === "model"
      ? planned.models.map((m) => m.slug).filter((slug) => target.project?.modelSlugs.includes(slug))
      : [];
  const modelsToUpdate = mode === "replace" ? existingModels : [];
  const keptModels = mode === "create" ? existingModels : [];
  if (keptModels.length > 0)
    planned = { ...planned, models: planned.models.filter((m) => !keptModels.includes(m.slug)) };

  // A mapping may name connections the selection left out: those entries do not apply.
  const selectedConnections = new Set((planned.connections ?? []).map((c) => c.name));
  const inFullBundle = new Set((fullBundle.connections ?? []).map((c) => c.name));
  const connectionMapping = Object.fromEntries(
    Object.entries(options.connectionMapping ?? {}).filter(
      ([name]) => selectedConnections.has(name) || !inFullBundle.has(name),
    ),
  );
  const { connections, implicit } = planConnections(planned, { ...options, connectionMapping }, target, project.slug);
  planned = renameConnectionReferences(planned, new Map(connections.map((c) => [c.exportedName, c.targetName])));

  const planBindingsResult = planBindings(planned.accessBindings ?? [], options, target);
  let { bindings } = planBindingsResult;
  const { skipped, usersToCreate } = planBindingsResult;

  const changes = planChanges({
    mode,
    scope: bundle.scope,
    bundle: planned,
    project: { displayName: project.displayName, active: project.active },
    target: target.content ?? null,
    connections,
    implicitConnections: implicit,
    bindings,
    skippedBindings: skipped,
  });
  if (isItemwiseMode(mode)) {
    // Merge and skip-existing write only what the comparison found new or changed.
    const written: Record<string, unknown> = { ...planned };
    for (const [key, { create, update }] of Object.entries(changes.writes)) {
      if (key === "accessBindings") {
        const keep = new Set(
          [...create, ...update].map(
            (b) =>
              (b as { user: string; model: string | null }).user +
              "\u0000" +
              ((b as { model: string | null }).model ?? ""),
          ),
        );
        bindings = bindings.filter((b) => keep.has(`${b.email}\u0000${b.model ?? ""}`));
      }
      if (key === "agent") written.agent = create[0] ?? update[0] ?? undefined;
      else written[key] = [...create, ...update];
    }
    planned = written as Bundle;
  }

  // An update keeps the stored API key when the bundle carries none (merge never drops a secret).
  const storedKeys = new Set(
    ((target.content?.sections.llmConfigs ?? []) as { name: string; credentials: unknown }[])
      .filter((l) => typeof l.credentials === "object")
      .map((l) => l.name),
  );
  const updatedLlm = new Set((changes.writes.llmConfigs?.update ?? []).map((l) => (l as { name: string }).name));
  const llmConfigs = (planned.llmConfigs ?? []).map((l) => ({
    name: l.name,
    active:
      typeof l.credentials === "object" || (isItemwiseMode(mode) && updatedLlm.has(l.name) && storedKeys.has(l.name)),
  }));

  if (reference) {
    // The project row says what happens to its reference state; making a reference is a change.
    const becomes = reference.action === "convert" && changes.project.action === "unchanged";
    changes.project = {
      ...changes.project,
      ...(becomes ? { action: "update" as const } : {}),
      note: referenceNote(reference),
    };
    if (becomes) changes.changes = true;
  }

  const plan: Omit<ImportPlan, "report"> = {
    scope: bundle.scope,
    mode,
    project,
    bundle: planned,
    renames,
    modelsToUpdate,
    keptModels,
    connections,
    implicitConnections: implicit,
    llmConfigs,
    bindings,
    usersToCreate: usersToCreate.filter((email) => bindings.some((b) => b.email === email)),
    addMembers: options.createUsers === true,
    changes,
    reference,
  };
  return { ...plan, report: buildImportReport(plan, target, skipped) };
}

/** A free slug close to `base` (base-2, base-3, …) for SLUG_TAKEN suggestions. */
export function suggestFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, 63 - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

function planProject(bundle: Bundle, options: ImportOptions, target: ImportTarget): ImportPlan["project"] {
  if (bundle.scope === "model") {
    if (!target.project)
      throw new AppError("PROJECT_NOT_FOUND", `Choose the project to import model "${bundle.models[0]!.slug}" into.`);
    return { slug: target.project.slug, displayName: target.project.displayName, active: true };
  }
  const slug = options.projectSlug ?? bundle.project.slug;
  if (!isValidSlug(slug))
    throw new AppError(
      "INVALID_SLUG",
      `"${slug}" is not a valid project slug: use lowercase letters, digits and single dashes (at most 63 characters).`,
      { slug },
    );
  const itemwise = isItemwiseMode(options.mode) && target.project !== undefined;
  // Merge and skip-existing keep the target's name and state unless a display name is given.
  const displayName = options.displayName ?? (itemwise ? target.project!.displayName : bundle.project.displayName);
  const active = itemwise && target.content ? target.content.project.active : bundle.project.active;
  if (options.mode === "create") {
    if (target.projectSlugs.includes(slug)) {
      const suggestion = suggestFreeSlug(slug, target.projectSlugs);
      throw new AppError(
        "SLUG_TAKEN",
        `A project with the slug "${slug}" already exists in tenant "${target.tenantSlug}". Import it as "${suggestion}", or choose replace mode to overwrite "${slug}".`,
        { slug, suggestion },
      );
    }
  } else if (!target.project) {
    throw new AppError(
      "PROJECT_NOT_FOUND",
      `There is no project "${slug}" in tenant "${target.tenantSlug}" to ${options.mode === "replace" ? "replace" : "import into"}. Choose create mode to make it.`,
      { slug },
    );
  }
  return { slug, displayName, active };
}

function planRenames(
  bundle: Bundle,
  options: ImportOptions,
  target: ImportTarget,
  projectSlug: string,
): Record<string, string> {
  const overrides = options.modelSlugOverrides ?? {};
  const slugs = new Set(bundle.models.map((m) => m.slug));
  const problems: ErrorDetail[] = [];
  const renames: Record<string, string> = {};
  for (const [from, to] of Object.entries(overrides)) {
    if (!slugs.has(from))
      problems.push({ path: `modelSlugOverrides.${from}`, reason: `the bundle has no model "${from}"` });
    else if (!isValidSlug(to))
      throw new AppError(
        "INVALID_SLUG",
        `"${to}" is not a valid model slug: use lowercase letters, digits and single dashes.`,
        { slug: to, model: from },
      );
    else if (to !== from) renames[from] = to;
  }
  if (problems.length > 0)
    throw new AppError(
      "INVALID_OPTIONS",
      `Model slug overrides name models that are not in the bundle: ${problems.map((p) => (p.path ?? "").split(".")[1]).join(", ")}.`,
      problems,
    );

  const final = bundle.models.map((m) => renames[m.slug] ?? m.slug);
  const seen = new Set<string>();
  for (const slug of final) {
    if (seen.has(slug))
      throw new AppError(
        "INVALID_OPTIONS",
        `Two models would both be named "${slug}" after renaming. Choose distinct slugs.`,
        [{ path: "modelSlugOverrides", reason: `duplicate slug "${slug}"`, slug }],
      );
    seen.add(slug);
  }
  if (bundle.scope === "model" && target.project) {
    // Create needs at least one new model (the joined ones the project already has are kept);
    // replace needs at least one model to update (the missing joined ones are created).
    const existing = new Set(target.project.modelSlugs);
    const present = final.filter((slug) => existing.has(slug));
    const slug = final[0]!;
    if (options.mode === "create" && present.length === final.length) {
      const suggestion = suggestFreeSlug(slug, target.project.modelSlugs);
      throw new AppError(
        "SLUG_TAKEN",
        `Project "${projectSlug}" already has a model "${slug}". Import it as "${suggestion}", or choose replace mode to update "${slug}".`,
        { slug, suggestion },
      );
    }
    if (options.mode === "replace" && present.length === 0)
      throw new AppError(
        "NOT_FOUND",
        `Project "${projectSlug}" has no model "${slug}" to replace. Choose create mode to add it.`,
        { slug },
      );
  }
  return renames;
}

/**
 * References must land on a model that will exist: in the (selected) bundle, or in the target
 * project when the import keeps its models (a model import, merge, skip-existing).
 */
function checkModelJoins(bundle: Bundle, target: ImportTarget, mode: ImportOptions["mode"], selecting: boolean): void {
  const available = new Set(bundle.models.map((m) => m.slug));
  if (bundle.scope === "model" || isItemwiseMode(mode))
    for (const slug of target.project?.modelSlugs ?? []) available.add(slug);
  const dangling = collectModelReferences(bundle).filter((ref) => !available.has(ref.slug));
  if (dangling.length > 0) {
    const missing = [...new Set(dangling.map((r) => r.slug))];
    throw new AppError(
      "DANGLING_REFERENCE",
      selecting
        ? `The selection leaves ${missing.length > 1 ? "models" : "model"} ${missing.map((s) => `"${s}"`).join(", ")} out, but ${dangling[0]!.path} refers to ${missing.length > 1 ? "them" : "it"} and the target does not have ${missing.length > 1 ? "them" : "it"}: select ${missing.length > 1 ? "them" : "it"} too.`
        : `Model "${dangling[0]!.slug}" is referenced (${dangling[0]!.path}) but is neither in the bundle nor in the target project.`,
      dangling.slice(0, 50).map((r) => ({ path: r.path, reason: `model "${r.slug}" not found`, add: r.slug })),
    );
  }
}
