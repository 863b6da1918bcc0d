import { z } from "zod";
import { RecipeTable } from "@/lib/database/tables";
import { slugSchema } from "@/lib/validations/slug";
import { freeObject } from "../credentials";
import { byKey, sortKeysDeep } from "../json-order";
import { defineSection, type BundleSection } from "./section";

// Cross-model recipes, keyed by slug; their definitions name models (see model-references.ts).

export const recipeSchema = z.strictObject({
  slug: slugSchema,
  name: z.string().min(1).max(200),
  definition: freeObject,
});
export type BundleRecipe = z.infer<typeof recipeSchema>;

const recipesSchema = z.array(recipeSchema).max(100_000);

// Annotated, not inferred: the bundle type is derived from the registry, and the writes refer back to it.
export const recipes: BundleSection<"recipes", typeof recipesSchema, BundleRecipe> = defineSection({
  key: "recipes",
  label: "Recipes",
  hint: "Cross-model recipes",
  optional: true,
  exportDefault: true,
  schema: recipesSchema,
  items: (value) => value ?? [],
  keyOf: (r: BundleRecipe) => r.slug,
  keyName: "recipe slug",
  canonical: (value) =>
    [...value]
      .sort(byKey((r) => r.slug))
      .map((r) => ({ slug: r.slug, name: r.name, definition: sortKeysDeep(r.definition) as typeof r.definition })),
  read: (ctx) =>
    ctx.rows(`SELECT slug, name, definition FROM "${RecipeTable.name}" WHERE "projectId" = $1`, [ctx.projectId]),
  write: {
    async create(ctx, items) {
      await ctx.bulkInsert(
        ctx.client,
        RecipeTable,
        ["id", "projectId", "slug", "name", "definition"],
        items.map((r) => ({
          id: crypto.randomUUID(),
          projectId: ctx.projectId,
          slug: r.slug,
          name: r.name,
          definition: r.definition,
        })),
      );
    },
    async update(ctx, items) {
      await recipes.write.delete(
        ctx,
        items.map((r) => r.slug),
      );
      await recipes.write.create(ctx, items);
    },
    async delete(ctx, slugs) {
      await ctx.client.query(`DELETE FROM "${RecipeTable.name}" WHERE "projectId" = $1 AND slug = ANY($2::text[])`, [
        ctx.projectId,
        slugs,
      ]);
    },
  },
  clears: [RecipeTable.name],
  faultSteps: ["recipes"],
  count: ({ value }) =>
    value === undefined ? {} : { recipes: { created: (value as unknown[]).length, updated: 0, skipped: 0 } },
});
