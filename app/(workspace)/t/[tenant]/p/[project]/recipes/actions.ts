"use server";

import { projectAction, rowKey, type ProjectRef } from "@/lib/http/workspace-action";
import { deleteRecipe } from "@/lib/recipes/delete-recipe";
import { saveRecipe } from "@/lib/recipes/save-recipe";

/** Creates a recipe (recipeSlug null) or updates the one with that slug. */
export async function saveRecipeAction(ref: ProjectRef, recipeSlug: string | null, input: unknown) {
  return projectAction("saveRecipe", ref, (context) =>
    saveRecipe({ ...context, recipeSlug: recipeSlug === null ? undefined : rowKey(recipeSlug), input }),
  );
}

export async function deleteRecipeAction(ref: ProjectRef, recipeSlug: string) {
  return projectAction("deleteRecipe", ref, (context) => deleteRecipe({ ...context, recipeSlug: rowKey(recipeSlug) }));
}
