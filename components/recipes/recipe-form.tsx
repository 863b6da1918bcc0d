"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { saveRecipeAction } from "@/app/(workspace)/t/[tenant]/p/[project]/recipes/actions";
import { FormFooter } from "@/components/shared/form-footer";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { applyActionError } from "@/lib/forms/apply-action-error";
import type { ProjectRef } from "@/lib/http/workspace-action";
import { recipeInputSchema, type RecipeFormValues } from "@/lib/validations/recipe";

export interface EditableRecipe {
  slug: string;
  name: string;
  definition: unknown;
}

function starterDefinition(modelSlugs: string[]): string {
  const model = modelSlugs[0] ?? "orders";
  return JSON.stringify({ models: [model], steps: [{ measure: `${model}.revenue` }] }, null, 2);
}

export function RecipeForm({
  projectRef,
  modelSlugs,
  existing,
  onDone,
}: {
  projectRef: ProjectRef;
  modelSlugs: string[];
  existing?: EditableRecipe;
  onDone: () => void;
}) {
  const form = useForm<RecipeFormValues>({
    resolver: zodResolver(recipeInputSchema, undefined, { raw: true }),
    defaultValues: {
      slug: existing?.slug ?? "",
      name: existing?.name ?? "",
      definition: existing ? JSON.stringify(existing.definition, null, 2) : starterDefinition(modelSlugs),
    },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await saveRecipeAction(projectRef, existing?.slug ?? null, values);
    if (result.ok) onDone();
    else applyActionError(form, result.error);
  });

  return (
    <form onSubmit={onSubmit} className="grid gap-3" noValidate>
      <div className="grid items-start gap-3 sm:grid-cols-2">
        <FormField id="recipe-name" label="Name" error={errors.name?.message}>
          <Input autoComplete="off" {...form.register("name")} />
        </FormField>
        <FormField
          id="recipe-slug"
          label="Slug"
          hint="Lowercase letters, digits and dashes."
          error={errors.slug?.message}
        >
          <Input autoComplete="off" {...form.register("slug")} />
        </FormField>
      </div>
      <FormField
        id="recipe-definition"
        label="Definition (JSON)"
        hint={`"models" lists model slugs; each step's "measure" is "<model>.<measure>" of a listed model. Models here: ${modelSlugs.join(", ") || "none yet"}.`}
        error={errors.definition?.message}
      >
        <Textarea className="min-h-48 font-mono text-xs" spellCheck={false} {...form.register("definition")} />
      </FormField>
      <FormFooter
        error={errors.root?.server?.message}
        pending={isSubmitting}
        submitLabel={existing ? "Save recipe" : "Create recipe"}
        pendingLabel={existing ? "Saving…" : "Creating…"}
      />
    </form>
  );
}
