import { AppError, type ErrorDetail } from "@/lib/errors";
import { collectModelReferences, modelTokens, recipeModels } from "./model-references";
import type { Bundle } from "./schema";

/**
 * References that must resolve inside the bundle itself. Joins and connections of a model bundle
 * may point at the target project instead, so import planning checks those against the target.
 */
export function checkBundleReferences(bundle: Bundle): void {
  const problems: ErrorDetail[] = [];
  const models = new Set(bundle.models.map((m) => m.slug));
  if (bundle.scope === "project") {
    for (const ref of collectModelReferences(bundle)) {
      if (!models.has(ref.slug))
        problems.push({ path: ref.path, reason: `refers to model "${ref.slug}", which is not in the bundle` });
    }
  }
  (bundle.recipes ?? []).forEach((recipe, r) => {
    const listed = new Set(recipeModels(recipe.definition));
    const steps = Array.isArray(recipe.definition.steps) ? recipe.definition.steps : [];
    steps.forEach((step, s) => {
      const measure = (step as { measure?: unknown } | null)?.measure;
      if (typeof measure !== "string") return;
      for (const slug of modelTokens(measure)) {
        if (!listed.has(slug))
          problems.push({
            path: `recipes.${r}.definition.steps.${s}.measure`,
            reason: `uses model "${slug}", which the recipe does not list in its models`,
          });
      }
    });
  });
  if (bundle.connections) {
    const connections = new Set(bundle.connections.map((c) => c.name));
    bundle.models.forEach((model, i) => {
      if (model.connection !== null && !connections.has(model.connection))
        problems.push({
          path: `models.${i}.connection`,
          reason: `refers to connection "${model.connection}", which is not in the bundle`,
        });
    });
  }
  bundle.models.forEach((model, i) => {
    if (model.deployedVersion !== null && !model.versions.some((v) => v.number === model.deployedVersion)) {
      problems.push({
        path: `models.${i}.deployedVersion`,
        reason: `version ${model.deployedVersion} is not in the model's history`,
      });
    }
  });
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new AppError(
      "DANGLING_REFERENCE",
      `The bundle refers to something it does not contain: ${first.path} ${first.reason}.`,
      problems.slice(0, 50),
    );
  }
}
