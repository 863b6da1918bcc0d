import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireProject } from "@/lib/projects/require-project";

export async function deleteRecipe(options: {
  actor: Actor;
  tenantSlug: string;
  projectSlug: string;
  recipeSlug: string;
}): Promise<void> {
  const access = await requireProject({ ...options, minRole: "EDITOR" });
  const deleted = await db.recipe.deleteMany({ where: { projectId: access.project.id, slug: options.recipeSlug } });
  if (deleted.count === 0)
    throw new AppError("NOT_FOUND", `Recipe "${options.recipeSlug}" was not found in this project.`);
}
