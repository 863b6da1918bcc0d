import { RecipeRowActions, NewRecipeButton } from "@/components/recipes/recipe-actions";
import { EmptyState } from "@/components/shared/empty-state";
import { SectionHeader } from "@/components/shared/section-header";
import { Badge } from "@/components/ui/badge";
import { ListTableHeader } from "@/components/shared/list-table-header";
import { Table, TableBody, TableCell, TableRow } from "@/components/ui/table";
import { requirePageActor } from "@/lib/auth/session-actor";
import { listModelOptions } from "@/lib/models/list-model-options";
import { pageProject } from "@/lib/projects/page-project";
import { canConfigure } from "@/lib/projects/require-project";
import { listRecipes } from "@/lib/recipes/list-recipes";
import { isPlainObject } from "@/lib/validations/json";

/** Reads what the table shows from a stored definition (imported ones may be partial). */
function outline(definition: unknown): { models: string[]; steps: string[] } {
  if (!isPlainObject(definition)) return { models: [], steps: [] };
  const models = Array.isArray(definition.models) ? definition.models.map(String) : [];
  const steps = Array.isArray(definition.steps)
    ? definition.steps.filter(isPlainObject).map((s) => String(s.measure ?? s.as ?? s.groupBy ?? "step"))
    : [];
  return { models, steps };
}

export default async function RecipesPage({ params }: { params: Promise<{ tenant: string; project: string }> }) {
  const { tenant, project } = await params;
  const actor = await requirePageActor();
  const access = await pageProject(actor, tenant, project);
  const [recipes, models] = await Promise.all([
    listRecipes({ projectId: access.project.id }),
    listModelOptions({ projectId: access.project.id }),
  ]);
  const canEdit = canConfigure(access, "EDITOR");
  const projectRef = { tenantSlug: tenant, projectSlug: project };
  const modelSlugs = models.map((m) => m.slug);
  return (
    <section aria-labelledby="recipes-heading" className="grid gap-4">
      <SectionHeader
        id="recipes-heading"
        title="Recipes"
        description="Cross-model calculations, referencing this project's models by slug."
        action={canEdit && <NewRecipeButton projectRef={projectRef} modelSlugs={modelSlugs} />}
      />
      {recipes.length === 0 ? (
        <EmptyState>This project has no recipes yet.</EmptyState>
      ) : (
        <Table>
          <ListTableHeader columns={["Recipe", "Models", "Steps"]} actions={canEdit} />
          <TableBody>
            {recipes.map((recipe) => {
              const { models: used, steps } = outline(recipe.definition);
              return (
                <TableRow key={recipe.slug}>
                  <TableCell>
                    <div className="font-medium">{recipe.name}</div>
                    <div className="text-xs text-muted-foreground">{recipe.slug}</div>
                  </TableCell>
                  <TableCell>
                    <div className="flex flex-wrap gap-1">
                      {used.map((slug) => (
                        <Badge key={slug} variant="secondary">
                          {slug}
                        </Badge>
                      ))}
                    </div>
                  </TableCell>
                  <TableCell className="text-xs">
                    <code>{steps.join(" → ")}</code>
                  </TableCell>
                  {canEdit && (
                    <TableCell>
                      <RecipeRowActions projectRef={projectRef} modelSlugs={modelSlugs} recipe={recipe} />
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
