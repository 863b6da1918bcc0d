import "server-only";
import { db } from "@/lib/db";

export interface RecipeItem {
  slug: string;
  name: string;
  definition: unknown;
}

export async function listRecipes(options: { projectId: string }): Promise<RecipeItem[]> {
  return db.recipe.findMany({
    where: { projectId: options.projectId },
    orderBy: { slug: "asc" },
    select: { slug: true, name: true, definition: true },
  });
}
