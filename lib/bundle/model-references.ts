import { RawJson } from "./raw-json";
import type { Bundle, Snapshot } from "./schema";

// Where a bundle refers to models by slug, in one place: recipes (listed models and
// `model.field` tokens in step strings), agent model contexts, model-scoped access bindings and
// joins inside model drafts/snapshots (`model` plus `${model}` placeholders in `on`).
// Import uses it to check references and to rewrite them when models are renamed.

export interface ModelReference {
  /** Where the reference sits, e.g. "recipes.0.definition.steps.1.measure". */
  path: string;
  slug: string;
}

const TOKEN = /(^|[^A-Za-z0-9_-])([a-z0-9]+(?:-[a-z0-9]+)*)\.(?=[A-Za-z_])/g;

/** `<model>.<field>` tokens in a recipe step string (e.g. "orders.revenue / web-sessions.sessions"). */
export function modelTokens(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((match) => match[2]!);
}

export function recipeModels(definition: Record<string, unknown>): string[] {
  return Array.isArray(definition.models) ? definition.models.filter((m): m is string => typeof m === "string") : [];
}

function recipeSteps(definition: Record<string, unknown>): Record<string, unknown>[] {
  return Array.isArray(definition.steps)
    ? definition.steps.filter(
        (s): s is Record<string, unknown> => s !== null && typeof s === "object" && !Array.isArray(s),
      )
    : [];
}

export function joinTargets(snapshot: Snapshot | RawJson): string[] {
  if (snapshot instanceof RawJson) return snapshot.joins;
  return (snapshot.joins ?? []).map((join) => join.model);
}

/** Every model reference outside the models' own slugs (joins are reported per model). */
export function collectModelReferences(bundle: Bundle): ModelReference[] {
  const refs: ModelReference[] = [];
  (bundle.recipes ?? []).forEach((recipe, r) => {
    recipeModels(recipe.definition).forEach((slug, i) =>
      refs.push({ path: `recipes.${r}.definition.models.${i}`, slug }),
    );
    recipeSteps(recipe.definition).forEach((step, s) => {
      for (const [key, value] of Object.entries(step)) {
        if (typeof value === "string")
          for (const slug of modelTokens(value)) refs.push({ path: `recipes.${r}.definition.steps.${s}.${key}`, slug });
      }
    });
  });
  (bundle.agent?.modelContexts ?? []).forEach((context, i) =>
    refs.push({ path: `agent.modelContexts.${i}.model`, slug: context.model }),
  );
  (bundle.accessBindings ?? []).forEach((binding, i) => {
    if (binding.model !== null) refs.push({ path: `accessBindings.${i}.model`, slug: binding.model });
  });
  bundle.models.forEach((model, m) => {
    joinTargets(model.draft).forEach((slug, j) => refs.push({ path: `models.${m}.draft.joins.${j}.model`, slug }));
    model.versions.forEach((version, v) =>
      joinTargets(version.snapshot).forEach((slug, j) =>
        refs.push({ path: `models.${m}.versions.${v}.snapshot.joins.${j}.model`, slug }),
      ),
    );
  });
  return refs;
}

/** Rewrites every model reference through `renames` (old slug → new slug); returns a new bundle. */
export function renameModelReferences(bundle: Bundle, renames: ReadonlyMap<string, string>): Bundle {
  if (renames.size === 0) return bundle;
  const rename = (slug: string) => renames.get(slug) ?? slug;
  const renameTokens = (text: string) =>
    text.replace(TOKEN, (whole, before: string, slug: string) =>
      renames.has(slug) ? `${before}${rename(slug)}.` : whole,
    );
  const renameObject = (snapshot: Snapshot): Snapshot => ({
    ...snapshot,
    joins: (snapshot.joins ?? []).map((join) => ({
      ...join,
      model: rename(join.model),
      on: join.on.replace(/\$\{([a-z0-9]+(?:-[a-z0-9]+)*)\}/g, (whole, slug: string) =>
        renames.has(slug) ? `\${${rename(slug)}}` : whole,
      ),
    })),
  });
  // A snapshot still in its uploaded bytes is parsed only when a rename touches its joins.
  const renameSnapshot = <S extends Snapshot | RawJson>(snapshot: S): S | Snapshot => {
    if (!(snapshot instanceof RawJson)) return renameObject(snapshot as Snapshot);
    const touched =
      snapshot.joins.some((slug) => renames.has(slug)) ||
      [...renames.keys()].some((slug) => snapshot.text().includes(`\${${slug}}`));
    return touched ? renameObject(snapshot.value<Snapshot>()) : snapshot;
  };
  return {
    ...bundle,
    models: bundle.models.map((model) => ({
      ...model,
      slug: rename(model.slug),
      draft: renameObject(model.draft),
      versions: model.versions.map((version) => ({ ...version, snapshot: renameSnapshot(version.snapshot) })),
    })),
    recipes: bundle.recipes?.map((recipe) => ({
      ...recipe,
      definition: {
        ...recipe.definition,
        ...(Array.isArray(recipe.definition.models)
          ? { models: recipe.definition.models.map((m) => (typeof m === "string" ? rename(m) : m)) }
          : {}),
        ...(Array.isArray(recipe.definition.steps)
          ? {
              steps: recipe.definition.steps.map((step) =>
                step !== null && typeof step === "object" && !Array.isArray(step)
                  ? Object.fromEntries(
                      Object.entries(step).map(([k, v]) => [k, typeof v === "string" ? renameTokens(v) : v]),
                    )
                  : step,
              ),
            }
          : {}),
      },
    })),
    agent: bundle.agent && {
      ...bundle.agent,
      modelContexts: bundle.agent.modelContexts.map((c) => ({ ...c, model: rename(c.model) })),
    },
    accessBindings: bundle.accessBindings?.map((b) => ({ ...b, model: b.model === null ? null : rename(b.model) })),
  };
}

/** Rewrites model → connection references (exported name → target name). */
export function renameConnectionReferences(bundle: Bundle, names: ReadonlyMap<string, string>): Bundle {
  if (names.size === 0) return bundle;
  return {
    ...bundle,
    models: bundle.models.map((m) => ({
      ...m,
      connection: m.connection === null ? null : (names.get(m.connection) ?? m.connection),
    })),
  };
}
