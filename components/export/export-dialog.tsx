"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { DownloadIcon, LockIcon } from "lucide-react";
import { useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { prepareExportAction } from "@/app/(workspace)/t/[tenant]/p/[project]/export-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { exportDialogSchema, type ExportDialogValues } from "@/lib/validations/export";

const SECTIONS: { key: keyof ExportDialogValues["sections"]; label: string; hint: string }[] = [
  { key: "connections", label: "Connections", hint: "Tenant connections the project uses (type and config)" },
  { key: "llmConfigs", label: "LLM configs", hint: "Providers, models and parameters" },
  { key: "agent", label: "Agent", hint: "Persona, judge rubrics, model contexts" },
  { key: "recipes", label: "Recipes", hint: "Cross-model recipes" },
  { key: "settings", label: "Settings", hint: "Project key/value settings" },
  { key: "accessBindings", label: "Access bindings", hint: "Who has which role (users matched by email on import)" },
];

const DEFAULTS: ExportDialogValues = {
  sections: { connections: true, llmConfigs: true, agent: true, recipes: true, settings: true, accessBindings: false },
  includeCredentials: false,
  passphrase: "",
  confirmPassphrase: "",
};

type Phase = { step: "form" } | { step: "preparing" } | { step: "done"; filename: string };

export interface ExportTarget {
  tenantSlug: string;
  projectSlug: string;
  displayName: string;
  /** Set for a model export (scope "model"): the model and the connections it needs. */
  model?: { slug: string; name: string };
}

/** Export Project… / Export Model… dialog: choose sections and credentials, then download. */
export function ExportDialog({
  target,
  open,
  onOpenChange,
  opener,
}: {
  target: ExportTarget;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The control that opened the dialog (a menu trigger): focus returns there on close. */
  opener?: () => HTMLElement | null | undefined;
}) {
  const [phase, setPhase] = useState<Phase>({ step: "form" });
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ExportDialogValues>({ resolver: zodResolver(exportDialogSchema), defaultValues: DEFAULTS });
  const includeCredentials = useWatch({ control: form.control, name: "includeCredentials" });
  const { errors } = form.formState;
  const isModel = target.model !== undefined;

  const reset = (next: boolean) => {
    if (!next) {
      form.reset(DEFAULTS);
      setPhase({ step: "form" });
      setError(null);
    }
    onOpenChange(next);
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    setPhase({ step: "preparing" });
    const sections = isModel ? ["connections"] : SECTIONS.filter((s) => values.sections[s.key]).map((s) => s.key);
    const result = await prepareExportAction(
      { tenantSlug: target.tenantSlug, projectSlug: target.projectSlug, modelSlug: target.model?.slug },
      {
        sections,
        includeCredentials: values.includeCredentials,
        ...(values.includeCredentials ? { passphrase: values.passphrase } : {}),
      },
    );
    if (!result.ok) {
      setError(result.error.message);
      setPhase({ step: "form" });
      return;
    }
    // The server streams the file; the browser's download manager writes it to disk.
    const link = document.createElement("a");
    link.href = result.data.url;
    link.download = result.data.filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setPhase({ step: "done", filename: result.data.filename });
  });

  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogContent
        aria-describedby="export-dialog-description"
        onCloseAutoFocus={(event) => {
          // Opened from a menu item that no longer exists: focus would fall to <body>.
          const element = opener?.();
          if (!element) return;
          event.preventDefault();
          element.focus();
        }}
      >
        <DialogHeader>
          <DialogTitle>
            {isModel ? `Export model “${target.model!.name}”` : `Export project “${target.displayName}”`}
          </DialogTitle>
          <DialogDescription id="export-dialog-description">
            {isModel
              ? "One JSON file with the model, its history and the connections it uses; importable into another project."
              : "One JSON file with the whole project, to import into another project or environment."}
          </DialogDescription>
        </DialogHeader>

        {phase.step === "done" ? (
          <div className="grid gap-3">
            <Alert variant="success">
              Your download has started: <span className="font-mono">{phase.filename}</span>
            </Alert>
            <DialogFooter>
              <Button onClick={() => reset(false)}>Close</Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={onSubmit} className="grid gap-4" noValidate>
            {!isModel && (
              <fieldset className="grid gap-2">
                <legend className="mb-1 text-sm font-medium">Sections</legend>
                <div className="flex items-start gap-2">
                  <Checkbox id="section-models" checked disabled aria-describedby="section-models-hint" />
                  <div className="grid gap-0.5">
                    <Label htmlFor="section-models">Models</Label>
                    <p id="section-models-hint" className="text-xs text-muted-foreground">
                      Always included: drafts, full version history, aggregates and pockets
                    </p>
                  </div>
                </div>
                {SECTIONS.map((section) => (
                  <Controller
                    key={section.key}
                    control={form.control}
                    name={`sections.${section.key}`}
                    render={({ field }) => (
                      <div className="flex items-start gap-2">
                        <Checkbox
                          id={`section-${section.key}`}
                          checked={field.value}
                          onCheckedChange={(v) => field.onChange(v === true)}
                          aria-describedby={`section-${section.key}-hint`}
                        />
                        <div className="grid gap-0.5">
                          <Label htmlFor={`section-${section.key}`}>{section.label}</Label>
                          <p id={`section-${section.key}-hint`} className="text-xs text-muted-foreground">
                            {section.hint}
                          </p>
                        </div>
                      </div>
                    )}
                  />
                ))}
              </fieldset>
            )}

            <div className="grid gap-3 rounded-md border p-3">
              <Controller
                control={form.control}
                name="includeCredentials"
                render={({ field }) => (
                  <div className="flex items-start gap-2">
                    <Checkbox
                      id="include-credentials"
                      checked={field.value}
                      onCheckedChange={(v) => field.onChange(v === true)}
                      aria-describedby="include-credentials-hint"
                    />
                    <div className="grid gap-0.5">
                      <Label htmlFor="include-credentials" className="inline-flex items-center gap-1">
                        <LockIcon className="size-3.5" /> Include credentials
                      </Label>
                      <p id="include-credentials-hint" className="text-xs text-muted-foreground">
                        Off: passwords and API keys are left out. On: they are encrypted under a passphrase you choose
                        (Fernet, PBKDF2-SHA256).
                      </p>
                    </div>
                  </div>
                )}
              />
              {includeCredentials && (
                <div className="grid gap-3 sm:grid-cols-2">
                  <FormField
                    id="export-passphrase"
                    label="Passphrase"
                    error={errors.passphrase?.message}
                    hint="At least 8 characters. Ferry does not keep it."
                  >
                    <Input type="password" autoComplete="new-password" {...form.register("passphrase")} />
                  </FormField>
                  <FormField
                    id="export-passphrase-confirm"
                    label="Repeat passphrase"
                    error={errors.confirmPassphrase?.message}
                  >
                    <Input type="password" autoComplete="new-password" {...form.register("confirmPassphrase")} />
                  </FormField>
                </div>
              )}
            </div>

            {error && <Alert variant="destructive">{error}</Alert>}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => reset(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={phase.step === "preparing"}>
                <DownloadIcon />
                {phase.step === "preparing"
                  ? includeCredentials
                    ? "Encrypting and preparing…"
                    : "Preparing…"
                  : "Export"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
