"use client";

import { deleteRecipeAction } from "@/app/(workspace)/t/[tenant]/p/[project]/recipes/actions";
import { EditDeleteButtons, NewItemButton } from "@/components/shared/item-actions";
import type { ProjectRef } from "@/lib/http/workspace-action";
import { RecipeForm, type EditableRecipe } from "./recipe-form";

const DESCRIPTION = "A recipe combines measures of several models of this project.";

export function NewRecipeButton({ projectRef, modelSlugs }: { projectRef: ProjectRef; modelSlugs: string[] }) {
  return (
    <NewItemButton
      wide
      label="New recipe"
      description={DESCRIPTION}
      form={(close) => <RecipeForm projectRef={projectRef} modelSlugs={modelSlugs} onDone={close} />}
    />
  );
}

export function RecipeRowActions({
  projectRef,
  modelSlugs,
  recipe,
}: {
  projectRef: ProjectRef;
  modelSlugs: string[];
  recipe: EditableRecipe;
}) {
  return (
    <EditDeleteButtons
      wide
      item={recipe.slug}
      editTitle={`Edit recipe ${recipe.name}`}
      description={DESCRIPTION}
      form={(close) => <RecipeForm projectRef={projectRef} modelSlugs={modelSlugs} existing={recipe} onDone={close} />}
      deleteTitle={`Delete recipe ${recipe.name}?`}
      deleteDescription="The recipe is removed from the project. This cannot be undone."
      onDelete={() => deleteRecipeAction(projectRef, recipe.slug)}
    />
  );
}
