"use client";

import { useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { IMPORT_MODES, type ImportOptions } from "@/lib/import/import-options";
import type { SelectableSection } from "@/lib/import/selectable-items";
import type { BundleSummary } from "@/lib/import/summarize-bundle";
import type { BundleWorkerClient } from "./bundle-worker";
import { ConnectionMappingTable } from "./connection-mapping-table";
import { ErrorDetails } from "./error-details";
import { importOptionsResolver } from "./import-options-resolver";
import { ItemSelection } from "./item-selection";
import { LlmConfigList } from "./llm-config-list";
import { ModelSlugOverrides } from "./model-slug-overrides";
import { hasProblems } from "./has-problems";
import type { FieldProblem, WizardError, WizardTarget } from "./plan-in-browser";
import { usePlanCheck } from "./use-plan-check";
import { defaultDisplayName, defaultImportOptions, optionsForMode } from "./wizard-defaults";

/**
 * Mode, slugs, item selection, model renames and connection mapping: the ImportOptions the plan
 * and then the import are sent with. Submitting leads to the review of the plan.
 */
export function ImportOptionsForm({
  worker,
  bundleId,
  summary,
  selectable,
  target,
  passphrase,
  initial,
  refused,
  onReview,
}: {
  worker: BundleWorkerClient;
  bundleId: number;
  summary: BundleSummary;
  selectable: SelectableSection[];
  target: WizardTarget;
  passphrase?: string;
  /** The options of an attempt the server refused: the user's choices survive it. */
  initial?: ImportOptions;
  /** Why the server refused it (a slug taken meanwhile keeps its one-click suggestion). */
  refused?: WizardError | null;
  onReview: (options: ImportOptions) => void;
}) {
  const isModel = summary.scope === "model";
  const form = useForm<ImportOptions>({
    resolver: importOptionsResolver,
    defaultValues: initial ?? defaultImportOptions(summary, target, passphrase),
    mode: "onChange",
  });
  const values = useWatch({ control: form.control }) as ImportOptions;
  const { check, current, checkNow } = usePlanCheck(worker, bundleId, target, values);
  const { errors, submitCount, dirtyFields } = form.formState;
  const submitted = submitCount > 0;
  const [displayNameEdited, setDisplayNameEdited] = useState(initial !== undefined);
  const [editedRows, setEditedRows] = useState<ReadonlySet<string>>(new Set());

  const slugProblem = check?.projectSlug ?? refusedSlug(refused, values.projectSlug);
  const shownSlugProblem = submitted || dirtyFields.projectSlug ? slugProblem?.message : undefined;
  const modelProblem = (slug: string): FieldProblem | undefined =>
    submitted || dirtyFields.modelSlugOverrides?.[slug] ? check?.models[slug] : undefined;
  const rowProblems = Object.fromEntries(
    summary.connections.map((c) => {
      const zod = errors.connectionMapping?.[c.name];
      const planned = submitted || editedRows.has(c.name) ? check?.connections[c.name]?.message : undefined;
      return [c.name, zod?.name?.message ?? zod?.target?.message ?? planned];
    }),
  );

  const setMode = (mode: ImportOptions["mode"]) => {
    const next = optionsForMode(mode, summary, target, displayNameEdited, form.getValues());
    form.setValue("mode", next.mode);
    if (!isModel) {
      form.setValue("projectSlug", next.projectSlug);
      form.setValue("displayName", next.displayName);
      // Only create and replace make a reference (merge and skip-existing would keep local items).
      if (mode !== "create" && mode !== "replace") form.setValue("reference", undefined);
    }
  };
  const takeSuggestion = (field: "projectSlug" | `modelSlugOverrides.${string}`, suggestion: string) =>
    form.setValue(field, suggestion, { shouldDirty: true, shouldValidate: true });

  const submit = form.handleSubmit(async (options) => {
    if (hasProblems(await checkNow(options))) return;
    onReview(options);
  });

  // A dangling reference belongs to the selection: shown beside it while the selection is the one
  // it was found for (the planner's verdict on these very options, or the server's refusal).
  const dangling =
    check?.form?.code === "DANGLING_REFERENCE" && current
      ? check.form
      : refused?.code === "DANGLING_REFERENCE" && sameSelection(initial?.select, values.select)
        ? refused
        : undefined;
  const formProblem = check?.form?.code === "DANGLING_REFERENCE" ? undefined : check?.form;
  const blocked = submitted && (Object.keys(errors).length > 0 || (check !== undefined && hasProblems(check)));
  const displayName = form.register("displayName");

  return (
    <form onSubmit={submit} className="grid gap-6" noValidate>
      <fieldset className="grid gap-3">
        <legend className="mb-2 text-base font-semibold">
          {isModel ? `Into project “${target.project!.displayName}”` : "Mode"}
        </legend>
        <div role="radiogroup" aria-label="Import mode" className="grid gap-2 sm:grid-cols-2">
          {IMPORT_MODES.map((value) => (
            <label
              key={value}
              className="flex cursor-pointer items-start gap-2 rounded-md border p-3 has-[:checked]:border-primary has-[:checked]:bg-accent"
            >
              <input
                type="radio"
                name="mode"
                value={value}
                checked={values.mode === value}
                onChange={() => setMode(value)}
                className="mt-1"
              />
              <span>
                <span className="block text-sm font-medium">{modeText(isModel, value)[0]}</span>
                <span className="block text-xs text-muted-foreground">{modeText(isModel, value)[1]}</span>
              </span>
            </label>
          ))}
        </div>
        {!isModel && (
          <div className="grid items-start gap-3 sm:grid-cols-2">
            <div className="grid gap-1.5">
              {values.mode === "create" ? (
                <FormField
                  id="import-slug"
                  label="Project slug"
                  error={errors.projectSlug?.message ?? shownSlugProblem}
                  hint={
                    slugProblem?.suggestion
                      ? `"${values.projectSlug}" exists here: try "${slugProblem.suggestion}", or replace it.`
                      : undefined
                  }
                >
                  <Input {...form.register("projectSlug")} />
                </FormField>
              ) : (
                <FormField
                  id="import-replace"
                  label={TARGET_LABEL[values.mode]}
                  error={errors.projectSlug?.message ?? shownSlugProblem}
                >
                  <NativeSelect
                    {...form.register("projectSlug", {
                      onChange: (event: { target: { value: string } }) => {
                        if (!displayNameEdited)
                          form.setValue(
                            "displayName",
                            defaultDisplayName(values.mode, event.target.value, summary, target),
                          );
                      },
                    })}
                  >
                    <option value="">Choose a project…</option>
                    {target.projects.map((p) => (
                      <option key={p.slug} value={p.slug}>
                        {p.displayName} ({p.slug})
                      </option>
                    ))}
                  </NativeSelect>
                </FormField>
              )}
              {values.mode === "create" && slugProblem?.suggestion && (
                <div>
                  <Button
                    type="button"
                    variant="outline"
                    size="sm"
                    onClick={() => takeSuggestion("projectSlug", slugProblem.suggestion!)}
                  >
                    Use “{slugProblem.suggestion}”
                  </Button>
                </div>
              )}
            </div>
            <FormField id="import-display-name" label="Display name" error={errors.displayName?.message}>
              <Input
                {...displayName}
                onChange={(event) => {
                  setDisplayNameEdited(true);
                  return displayName.onChange(event);
                }}
              />
            </FormField>
            {(values.mode === "create" || values.mode === "replace") && (
              <Controller
                control={form.control}
                name="reference"
                render={({ field }) => (
                  <div className="flex items-start gap-2 sm:col-span-2">
                    <Checkbox
                      id="import-reference"
                      checked={field.value === true}
                      onCheckedChange={(v) => field.onChange(v === true ? true : undefined)}
                    />
                    <Label htmlFor="import-reference" className="leading-5">
                      Import as a reference (read-only here; update it by importing from the same source)
                      <span className="block text-xs font-normal text-muted-foreground">
                        Its configuration can then only change through a bundle from {summary.source.tenant}/
                        {summary.project.slug} on {summary.source.instance}; deploy, refresh and entering credentials
                        still work.
                      </span>
                    </Label>
                  </div>
                )}
              />
            )}
          </div>
        )}
      </fieldset>

      {!isModel && (
        <Controller
          control={form.control}
          name="select"
          render={({ field }) => (
            <ItemSelection selectable={selectable} value={field.value} onChange={field.onChange} problem={dangling} />
          )}
        />
      )}

      <ModelSlugOverrides
        form={form}
        models={summary.models}
        initiallyOpen={isModel}
        problemOf={modelProblem}
        onSuggestion={(slug, suggestion) => takeSuggestion(`modelSlugOverrides.${slug}`, suggestion)}
      />

      {summary.connections.length > 0 && (
        <section aria-labelledby="mapping-heading" className="grid gap-2">
          <h3 id="mapping-heading" className="text-base font-semibold">
            Connections
          </h3>
          <p className="text-xs text-muted-foreground">
            Connections belong to the tenant and may be shared by several projects.
          </p>
          <Controller
            control={form.control}
            name="connectionMapping"
            render={({ field }) => (
              <ConnectionMappingTable
                connections={summary.connections}
                value={field.value ?? {}}
                onChange={(name, entry) => {
                  setEditedRows((rows) => new Set(rows).add(name));
                  field.onChange({ ...field.value, [name]: entry });
                }}
                problems={rowProblems}
                tenantConnections={target.connections}
              />
            )}
          />
          <Controller
            control={form.control}
            name="overrideCredentials"
            render={({ field }) => (
              <div className="flex items-start gap-2 pt-1">
                <Checkbox
                  id="override-credentials"
                  checked={field.value === true}
                  onCheckedChange={(v) => field.onChange(v === true)}
                  disabled={!summary.credentialsIncluded}
                />
                <Label htmlFor="override-credentials" className="leading-5">
                  Override existing connections with exported credentials
                  <span className="block text-xs font-normal text-muted-foreground">
                    Mapped connections get the bundle&apos;s secret — every project using them is affected.
                  </span>
                </Label>
              </div>
            )}
          />
        </section>
      )}

      <LlmConfigList llmConfigs={summary.llmConfigs} />

      {formProblem && <ErrorDetails error={formProblem} />}

      <div className="flex items-center gap-3">
        <Button type="submit">Review changes</Button>
        {blocked && (
          <p role="alert" className="text-sm text-destructive">
            Fix the highlighted fields first.
          </p>
        )}
      </div>
    </form>
  );
}

/** The server's SLUG_TAKEN (the slug was taken after the page loaded), while the slug is unchanged. */
function refusedSlug(refused: WizardError | null | undefined, slug: string | undefined): FieldProblem | undefined {
  const details = refused?.details as { slug?: string; suggestion?: string } | undefined;
  if (refused?.code !== "SLUG_TAKEN" || details?.slug !== slug) return undefined;
  return { code: refused.code, message: refused.message, suggestion: details?.suggestion };
}

const sameSelection = (a: ImportOptions["select"], b: ImportOptions["select"]) =>
  JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

// Each mode in one line: what happens to the items the bundle lacks.
const PROJECT_MODES: Record<ImportOptions["mode"], readonly [string, string]> = {
  create: ["Create new project", "A new project in this tenant, with the bundle's items."],
  replace: [
    "Replace existing project",
    "Items not in the bundle are deleted (query history stays; shared connections are only unlinked).",
  ],
  merge: ["Merge into existing project", "Existing items updated, items only here kept."],
  "skip-existing": ["Add missing items only", "Only items missing here are created; existing ones untouched."],
};
const MODEL_MODES: Record<ImportOptions["mode"], readonly [string, string]> = {
  create: ["Add as a new model", "The slug must be free in the project."],
  replace: ["Replace an existing model", "Its history, aggregates and pockets are replaced; its access bindings stay."],
  merge: [
    "Merge into the project's models",
    "Models here are updated in place (versions they lack appended); new ones added; none removed.",
  ],
  "skip-existing": ["Add missing models only", "Models the project already has are left untouched."],
};

function modeText(isModel: boolean, mode: ImportOptions["mode"]): readonly [string, string] {
  return (isModel ? MODEL_MODES : PROJECT_MODES)[mode];
}

const TARGET_LABEL: Record<ImportOptions["mode"], string> = {
  create: "Project slug",
  replace: "Project to replace",
  merge: "Project to merge into",
  "skip-existing": "Project to add to",
};
