"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { ImportOptions } from "@/lib/import/import-options";
import type { BundleSummary } from "@/lib/import/summarize-bundle";
import { importWizardSchema, type ImportWizardValues } from "@/lib/validations/import-wizard";
import { ConnectionMappingTable, type TenantConnection } from "./connection-mapping-table";

export interface WizardTarget {
  tenantSlug: string;
  projects: { slug: string; displayName: string }[];
  connections: TenantConnection[];
  /** Model import: the receiving project and its models. */
  project?: { slug: string; displayName: string; modelSlugs: string[] };
}

function defaults(summary: BundleSummary, target: WizardTarget): ImportWizardValues {
  const taken = new Set(target.projects.map((p) => p.slug));
  return {
    mode: "create",
    projectSlug: summary.project.slug,
    replaceSlug: taken.has(summary.project.slug) ? summary.project.slug : "",
    displayName: summary.project.displayName,
    models: summary.models.map((m) => ({ exported: m.slug, slug: m.slug })),
    connections: summary.connections.map((c) => {
      const sameName = target.connections.find((t) => t.name === c.name && t.type === c.type);
      const hasCredentials = c.credentials === "encrypted";
      // Pre-fill the obvious choice; the user confirms it row by row.
      const action =
        hasCredentials && !target.connections.some((t) => t.name === c.name) ? "create" : sameName ? "map" : "pending";
      return { exported: c.name, type: c.type, hasCredentials, action, target: sameName?.name ?? "", name: c.name };
    }),
    overrideCredentials: false,
  };
}

/** Mode, slugs, model renames and connection mapping — everything import needs to decide. */
export function ImportOptionsForm({
  summary,
  target,
  passphrase,
  onImport,
  busy,
}: {
  summary: BundleSummary;
  target: WizardTarget;
  passphrase?: string;
  onImport: (options: ImportOptions) => void;
  busy: boolean;
}) {
  const isModel = summary.scope === "model";
  const schema = useMemo(
    () =>
      importWizardSchema({
        scope: summary.scope,
        projectSlugs: target.projects.map((p) => p.slug),
        modelSlugs: target.project?.modelSlugs ?? [],
        connections: target.connections,
      }),
    [summary.scope, target],
  );
  const form = useForm<ImportWizardValues>({
    resolver: zodResolver(schema),
    defaultValues: defaults(summary, target),
    mode: "onChange",
  });
  const { errors } = form.formState;
  const mode = useWatch({ control: form.control, name: "mode" });
  const replaceSlug = useWatch({ control: form.control, name: "replaceSlug" });
  const [confirming, setConfirming] = useState<ImportOptions | null>(null);
  // A project can have hundreds of models: their inputs are rendered only once the list is opened.
  const [overridesOpen, setOverridesOpen] = useState(isModel);
  const suggestion = useMemo(() => {
    const taken = new Set(target.projects.map((p) => p.slug));
    for (let n = 2; ; n++) if (!taken.has(`${summary.project.slug}-${n}`)) return `${summary.project.slug}-${n}`;
  }, [summary.project.slug, target.projects]);

  const toOptions = (values: ImportWizardValues): ImportOptions => ({
    mode: values.mode,
    tenant: target.tenantSlug,
    projectSlug: isModel ? target.project!.slug : values.mode === "create" ? values.projectSlug : values.replaceSlug,
    ...(isModel || !values.displayName ? {} : { displayName: values.displayName }),
    passphrase,
    modelSlugOverrides: Object.fromEntries(
      values.models.filter((m) => m.slug !== m.exported).map((m) => [m.exported, m.slug]),
    ),
    connectionMapping: Object.fromEntries(
      values.connections.map((c) => [
        c.exported,
        c.action === "map" ? { action: "map" as const, target: c.target } : { action: c.action, name: c.name },
      ]),
    ),
    overrideCredentials: values.overrideCredentials,
  });

  const onSubmit = form.handleSubmit((values) => {
    const options = toOptions(values);
    if (values.mode === "replace") setConfirming(options);
    else onImport(options);
  });

  const replaced = isModel
    ? form.getValues("models")[0]?.slug
    : target.projects.find((p) => p.slug === replaceSlug)?.displayName;

  return (
    <form onSubmit={onSubmit} className="grid gap-6" noValidate>
      <fieldset className="grid gap-3">
        <legend className="mb-2 text-base font-semibold">
          {isModel ? `Into project “${target.project!.displayName}”` : "Mode"}
        </legend>
        <div role="radiogroup" aria-label="Import mode" className="grid gap-2 sm:grid-cols-2">
          {(["create", "replace"] as const).map((value) => (
            <label
              key={value}
              className="flex cursor-pointer items-start gap-2 rounded-md border p-3 has-[:checked]:border-primary has-[:checked]:bg-accent"
            >
              <input type="radio" value={value} className="mt-1" {...form.register("mode")} />
              <span>
                <span className="block text-sm font-medium">
                  {value === "create"
                    ? isModel
                      ? "Add as a new model"
                      : "Create new project"
                    : isModel
                      ? "Replace an existing model"
                      : "Replace existing project"}
                </span>
                <span className="block text-xs text-muted-foreground">
                  {value === "create"
                    ? isModel
                      ? "The slug must be free in the project."
                      : "A new project in this tenant."
                    : isModel
                      ? "Its history, aggregates and pockets are replaced; its access bindings stay."
                      : "Deletes its models, LLM configs, agent, recipes, settings and access bindings, then restores the bundle. Its query history stays; shared connections are only unlinked."}
                </span>
              </span>
            </label>
          ))}
        </div>
        {!isModel && mode === "create" && (
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField
              id="import-slug"
              label="Project slug"
              error={errors.projectSlug?.message}
              hint={
                target.projects.some((p) => p.slug === summary.project.slug)
                  ? `"${summary.project.slug}" exists here: try "${suggestion}", or replace it.`
                  : undefined
              }
            >
              <Input {...form.register("projectSlug")} />
            </FormField>
            <FormField id="import-display-name" label="Display name" error={errors.displayName?.message}>
              <Input {...form.register("displayName")} />
            </FormField>
          </div>
        )}
        {!isModel && mode === "replace" && (
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField id="import-replace" label="Project to replace" error={errors.replaceSlug?.message}>
              <NativeSelect {...form.register("replaceSlug")}>
                <option value="">Choose a project…</option>
                {target.projects.map((p) => (
                  <option key={p.slug} value={p.slug}>
                    {p.displayName} ({p.slug})
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <FormField id="import-display-name" label="Display name" error={errors.displayName?.message}>
              <Input {...form.register("displayName")} />
            </FormField>
          </div>
        )}
      </fieldset>

      <details
        className="rounded-md border p-3"
        open={overridesOpen || !!errors.models}
        onToggle={(event) => setOverridesOpen(event.currentTarget.open)}
      >
        <summary className="cursor-pointer text-sm font-medium">
          Model slug overrides ({summary.models.length} {summary.models.length === 1 ? "model" : "models"})
        </summary>
        <p className="py-2 text-xs text-muted-foreground">
          Rename a model on the way in: recipes, agent contexts, joins and model-scoped access bindings are rewritten to
          match.
        </p>
        <div className="grid gap-2 sm:grid-cols-2">
          {(overridesOpen || !!errors.models) &&
            summary.models.map((model, index) => (
              <FormField
                key={model.slug}
                id={`model-slug-${model.slug}`}
                label={`New slug for ${model.slug}`}
                error={errors.models?.[index]?.slug?.message}
              >
                <Input {...form.register(`models.${index}.slug`)} />
              </FormField>
            ))}
        </div>
      </details>

      {summary.connections.length > 0 && (
        <section aria-labelledby="mapping-heading" className="grid gap-2">
          <h3 id="mapping-heading" className="text-base font-semibold">
            Connections
          </h3>
          <p className="text-xs text-muted-foreground">
            Connections belong to the tenant and may be shared by several projects.
          </p>
          <ConnectionMappingTable
            control={form.control}
            register={form.register}
            errors={errors}
            tenantConnections={target.connections}
          />
          <Controller
            control={form.control}
            name="overrideCredentials"
            render={({ field }) => (
              <div className="flex items-start gap-2 pt-1">
                <Checkbox
                  id="override-credentials"
                  checked={field.value}
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

      {summary.llmConfigs.length > 0 && (
        <section aria-labelledby="llm-heading" className="grid gap-2">
          <h3 id="llm-heading" className="text-base font-semibold">
            LLM configs
          </h3>
          <ul className="grid gap-1 text-sm">
            {summary.llmConfigs.map((l) => (
              <li key={l.name} className="flex items-center gap-2">
                <span className="font-medium">{l.name}</span>
                <span className="text-muted-foreground">
                  {l.provider} · {l.model}
                </span>
                {l.credentials === "encrypted" ? (
                  <Badge variant="success">arrives active</Badge>
                ) : (
                  <Badge variant="warning">arrives pending (no API key)</Badge>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={busy}>
          {busy ? "Importing…" : "Import"}
        </Button>
        {Object.keys(errors).length > 0 && (
          <p role="alert" className="text-sm text-destructive">
            Fix the highlighted fields first.
          </p>
        )}
      </div>

      <AlertDialog open={confirming !== null} onOpenChange={(open) => !open && setConfirming(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>
              {isModel ? `Replace model “${replaced}”?` : `Replace project “${replaced}”?`}
            </AlertDialogTitle>
            <AlertDialogDescription>
              {isModel
                ? "Its draft, version history, aggregates and pockets are replaced by the bundle's. This cannot be undone."
                : "Its models, LLM configs, agent, recipes, settings and access bindings are deleted and replaced by the bundle's content. This cannot be undone. Query history is kept; shared connections are only unlinked."}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              onClick={() => {
                if (confirming) onImport(confirming);
                setConfirming(null);
              }}
            >
              Replace
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </form>
  );
}
