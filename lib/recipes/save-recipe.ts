import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { listModelOptions } from "@/lib/models/list-model-options";
import { requireProject } from "@/lib/projects/require-project";
import { fieldError, parseInput } from "@/lib/validations/parse-input";
import { recipeInputSchema } from "@/lib/validations/recipe";

/** Creates a recipe, or updates the one with slug `recipeSlug` (project editors). */
export async function saveRecipe(options: {
  actor: Actor;
  tenantSlug: string;
  projectSlug: string;
  recipeSlug?: string;
  input: unknown;
}): Promise<{ slug: string }> {
  const access = await requireProject({ ...options, minRole: "EDITOR" });
  const input = parseInput(recipeInputSchema, options.input);
  const known = new Set(
    (await listModelOptions({ projectId: access.project.id, slugs: input.definition.models })).map((m) => m.slug),
  );
  const missing = input.definition.models.filter((slug) => !known.has(slug));
  if (missing.length > 0)
    throw fieldError(
      "INVALID_INPUT",
      "definition",
      `${missing.length === 1 ? "Model" : "Models"} ${missing.map((s) => `"${s}"`).join(", ")} ${missing.length === 1 ? "does" : "do"} not exist in this project.`,
    );
  const data = { slug: input.slug, name: input.name, definition: input.definition as object };
  try {
    if (options.recipeSlug === undefined)
      return await db.recipe.create({ data: { ...data, projectId: access.project.id }, select: { slug: true } });
    const updated = await db.recipe.updateMany({
      where: { projectId: access.project.id, slug: options.recipeSlug },
      data,
    });
    if (updated.count === 0)
      throw new AppError("NOT_FOUND", `Recipe "${options.recipeSlug}" was not found in this project.`);
    return { slug: input.slug };
  } catch (error) {
    if (isUniqueViolation(error))
      throw fieldError("SLUG_TAKEN", "slug", `This project already has a recipe with the slug "${input.slug}".`);
    throw error;
  }
}
