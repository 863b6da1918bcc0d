"use client";

import { useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ImportOptions } from "@/lib/import/import-options";
import type { BundleSummary } from "@/lib/import/summarize-bundle";
import type { FieldProblem } from "./plan-in-browser";
import { plural } from "./section-labels";

/** One slug input per model, folded away until needed (it opens by itself on a problem). */
export function ModelSlugOverrides({
  form,
  models,
  initiallyOpen,
  problemOf,
  onSuggestion,
}: {
  form: UseFormReturn<ImportOptions>;
  models: BundleSummary["models"];
  initiallyOpen: boolean;
  /** The planner's problem with a model's slug, once the user should see it. */
  problemOf: (slug: string) => FieldProblem | undefined;
  onSuggestion: (slug: string, suggestion: string) => void;
}) {
  // A project can have hundreds of models: their inputs are rendered only once the list is opened.
  const [open, setOpen] = useState(initiallyOpen);
  const errors = form.formState.errors.modelSlugOverrides;
  const anyProblem = models.some((m) => problemOf(m.slug) || errors?.[m.slug]);
  const shown = open || anyProblem;
  return (
    <details className="rounded-md border p-3" open={shown} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-medium">
        Model slug overrides ({plural(models.length, "model")})
      </summary>
      <p className="py-2 text-xs text-muted-foreground">
        Rename a model on the way in: recipes, agent contexts, joins and model-scoped access bindings are rewritten to
        match.
      </p>
      <div className="grid gap-2 sm:grid-cols-2">
        {shown &&
          models.map((model) => {
            const problem = problemOf(model.slug);
            return (
              <div key={model.slug} className="grid gap-1.5">
                <FormField
                  id={`model-slug-${model.slug}`}
                  label={`New slug for ${model.slug}`}
                  error={errors?.[model.slug]?.message ?? problem?.message}
                >
                  <Input {...form.register(`modelSlugOverrides.${model.slug}`)} />
                </FormField>
                {problem?.suggestion && (
                  <div>
                    <Button
                      type="button"
                      variant="outline"
                      size="sm"
                      onClick={() => onSuggestion(model.slug, problem.suggestion!)}
                    >
                      Use “{problem.suggestion}”
                    </Button>
                  </div>
                )}
              </div>
            );
          })}
      </div>
    </details>
  );
}
