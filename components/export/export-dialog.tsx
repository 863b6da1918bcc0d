"use client";

import { NewPassphraseFields } from "@/components/export/new-passphrase-fields";
import { zodResolver } from "@hookform/resolvers/zod";
import { DownloadIcon, LockIcon } from "lucide-react";
import { useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
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
import { Label } from "@/components/ui/label";
import { EXPORT_CHOICES, SECTION_LABELS } from "@/lib/bundle/section-catalog";
import { notify } from "@/lib/notify";
import { formatBytes, plural } from "@/lib/utils";
import { exportDialogSchema, type ExportDialogValues } from "@/lib/validations/export";
import { JoinedModelsField, useJoinedModels } from "./joined-models-field";
import { useExportDownload, type DownloadedExport } from "./use-export-download";

const DEFAULTS: ExportDialogValues = {
  sections: Object.fromEntries(EXPORT_CHOICES.map((c) => [c.key, c.default])) as ExportDialogValues["sections"],
  includeCredentials: false,
  passphrase: "",
  confirmPassphrase: "",
};

export interface ExportTarget {
  tenantSlug: string;
  projectSlug: string;
  displayName: string;
  /** Whether the user administers the tenant: only then do connection secrets go into a bundle (SPEC §6). */
  tenantAdmin: boolean;
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
  const [excluded, setExcluded] = useState<string[]>([]);
  const exporting = useExportDownload();
  const modelRef = target.model && {
    tenantSlug: target.tenantSlug,
    projectSlug: target.projectSlug,
    modelSlug: target.model.slug,
  };
  const joined = useJoinedModels(modelRef);
  const form = useForm<ExportDialogValues>({ resolver: zodResolver(exportDialogSchema), defaultValues: DEFAULTS });
  const includeCredentials = useWatch({ control: form.control, name: "includeCredentials" });
  const { errors } = form.formState;
  const isModel = target.model !== undefined;
  const done = exporting.data;

  const reset = (next: boolean) => {
    if (!next) {
      form.reset(DEFAULTS);
      setExcluded([]);
      exporting.reset();
    }
    onOpenChange(next);
  };

  const onSubmit = form.handleSubmit((values) => {
    const sections = isModel ? ["connections"] : EXPORT_CHOICES.filter((c) => values.sections[c.key]).map((c) => c.key);
    exporting.mutate(
      {
        ref: { tenantSlug: target.tenantSlug, projectSlug: target.projectSlug, modelSlug: target.model?.slug },
        options: {
          sections,
          includeCredentials: values.includeCredentials,
          ...(values.includeCredentials ? { passphrase: values.passphrase } : {}),
          // Named explicitly only when some are left out; the server's default is every joined model.
          ...(isModel && excluded.length > 0
            ? { joinedModels: (joined.data ?? []).map((m) => m.slug).filter((slug) => !excluded.includes(slug)) }
            : {}),
        },
      },
      {
        onSuccess: (result) => notify.success(`Exported ${result.filename}`, { description: describeExport(result) }),
      },
    );
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
              ? "One JSON file with the model, its history, the models it joins to and the connections they use; importable into another project."
              : "One JSON file with the whole project, to import into another project or environment."}
          </DialogDescription>
        </DialogHeader>

        {done ? (
          <div className="grid gap-3">
            <Alert variant="success">
              <p>
                Your download has started: <span className="font-mono break-all">{done.filename}</span> (
                {formatBytes(done.bytes)}).
              </p>
              <p className="mt-1">{describeExport(done)}</p>
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
                {EXPORT_CHOICES.map((section) => (
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

            {isModel && !target.tenantAdmin ? (
              <p className="rounded-md border p-3 text-xs text-muted-foreground">
                <LockIcon className="mr-1 inline size-3.5" aria-hidden />
                Credentials stay out of a model export: only a tenant admin can include them.
              </p>
            ) : (
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
                          {target.tenantAdmin
                            ? "Off: passwords and API keys are left out. On: they are encrypted under a passphrase you choose (Fernet, PBKDF2-SHA256)."
                            : "On: the project's LLM API keys are encrypted under a passphrase you choose. Connection secrets are tenant resources: only a tenant admin exports them, so they stay out."}
                        </p>
                      </div>
                    </div>
                  )}
                />
                {includeCredentials && (
                  <NewPassphraseFields
                    idPrefix="export"
                    passphrase={form.register("passphrase")}
                    confirmPassphrase={form.register("confirmPassphrase")}
                    errors={errors}
                  />
                )}
              </div>
            )}

            {modelRef && <JoinedModelsField modelRef={modelRef} excluded={excluded} onExcludedChange={setExcluded} />}

            {exporting.isError && <Alert variant="destructive">{exporting.error.message}</Alert>}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => reset(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={exporting.isPending || (isModel && joined.isPending)}>
                <DownloadIcon />
                {exporting.isPending ? (includeCredentials ? "Encrypting and preparing…" : "Preparing…") : "Export"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

/** What the downloaded file holds, in words: models, sections, credentials. */
function describeExport({ contents }: DownloadedExport): string {
  const models =
    typeof contents.models === "number"
      ? `${plural(contents.models, "model")} with their full history`
      : `${plural(contents.models.length, "model")} (${contents.models.join(", ")}) with their history`;
  const sections = contents.sections.map((s) => SECTION_LABELS[s]);
  const credentials =
    contents.credentials === "encrypted"
      ? "credentials encrypted under your passphrase"
      : contents.credentials === "llm-keys"
        ? "LLM API keys encrypted under your passphrase; connection secrets left out (only a tenant admin exports them)"
        : "no credentials";
  return `Holds ${models}${sections.length > 0 ? `; sections: ${sections.join(", ")}` : ""}; ${credentials}.`;
}
