"use client";

import { useRouter } from "next/navigation";
import { startTransition, useState } from "react";
import { checkPassphraseAction } from "@/app/(workspace)/t/[tenant]/import/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Progress } from "@/components/ui/progress";
import type { BundleEncryption } from "@/lib/bundle/schema";
import type { ImportResult } from "@/lib/import/import-result";
import type { ImportOptions } from "@/lib/import/import-options";
import type { BundleSummary } from "@/lib/import/summarize-bundle";
import { BundleDropZone } from "./bundle-drop-zone";
import { BundleSummaryCard } from "./bundle-summary-card";
import { ErrorDetails } from "./error-details";
import { ImportOptionsForm, type WizardTarget } from "./import-options-form";
import { ImportResultView } from "./import-result-view";
import { uploadImport, type ImportProgress } from "./upload-import";
import { useBundleReader } from "./use-bundle-reader";

type WizardError = { code: string; message: string; details?: unknown };
type Loaded = { file: File; summary: BundleSummary; encryption: BundleEncryption | null };
type Step =
  | { name: "file" }
  | { name: "passphrase"; loaded: Loaded }
  | { name: "options"; loaded: Loaded; passphrase?: string }
  | { name: "importing"; loaded: Loaded }
  | { name: "result"; result: ImportResult };

const STEPS = ["Choose file", "Passphrase", "Options", "Import", "Result"];

/** Import Project / Import Model: file → passphrase (when credentials are present) → options → import → result. */
export function ImportWizard({ target, maxBytes }: { target: WizardTarget; maxBytes: number }) {
  const router = useRouter();
  const readBundle = useBundleReader(maxBytes);
  const expectedScope = target.project ? "model" : "project";
  const [step, setStep] = useState<Step>({ name: "file" });
  const [error, setError] = useState<WizardError | null>(null);
  const [reading, setReading] = useState(false);
  const [passphrase, setPassphrase] = useState("");
  const [checking, setChecking] = useState(false);
  const [progress, setProgress] = useState<ImportProgress>({ uploaded: 0, phase: null });

  const onFile = async (file: File) => {
    setError(null);
    setReading(true);
    const read = await readBundle(file);
    setReading(false);
    if (!read.ok) return setError(read.error);
    if (read.summary.scope !== expectedScope) {
      return setError({
        code: "INVALID_BUNDLE",
        message:
          read.summary.scope === "model"
            ? "This file holds a single model: open the project that should receive it and use Import Model."
            : "This file holds a whole project: use Import Project in the toolbar.",
      });
    }
    const loaded = { file, summary: read.summary, encryption: read.encryption };
    // A transition lets React render a big options form (hundreds of rows) in slices, keeping
    // the page responsive instead of one long main-thread task.
    startTransition(() => setStep(read.encryption ? { name: "passphrase", loaded } : { name: "options", loaded }));
  };

  const onPassphrase = async (loaded: Loaded) => {
    setError(null);
    setChecking(true);
    const result = await checkPassphraseAction(loaded.encryption, passphrase);
    setChecking(false);
    if (!result.ok) return setError(result.error);
    startTransition(() => setStep({ name: "options", loaded, passphrase }));
  };

  const onImport = async (loaded: Loaded, options: ImportOptions) => {
    setError(null);
    setStep({ name: "importing", loaded });
    setProgress({ uploaded: 0, phase: null });
    const form = new FormData();
    form.set("bundle", loaded.file);
    form.set("options", JSON.stringify(options));
    const url = target.project
      ? `/api/v1/projects/${target.project.slug}/models/import?tenant=${target.tenantSlug}`
      : "/api/v1/projects/import";
    const result = await uploadImport({ url, form, onProgress: setProgress });
    if (!result.ok) {
      setError(result.error);
      setStep({ name: "options", loaded, passphrase: options.passphrase });
      return;
    }
    setStep({ name: "result", result: result.data });
    router.refresh();
  };

  const index = { file: 0, passphrase: 1, options: 2, importing: 3, result: 4 }[step.name];
  const loaded = "loaded" in step ? step.loaded : null;
  const passphraseSkipped = loaded !== null && loaded.encryption === null;

  return (
    <div className="grid gap-5">
      <ol aria-label="Import steps" className="flex flex-wrap gap-2 text-xs">
        {STEPS.map((label, i) => {
          const skipped = i === 1 && passphraseSkipped;
          return (
            <li
              key={label}
              aria-current={i === index ? "step" : undefined}
              className={`rounded-full border px-3 py-1 ${i === index ? "border-primary bg-primary text-primary-foreground" : skipped ? "text-muted-foreground line-through" : i < index ? "bg-accent" : "text-muted-foreground"}`}
            >
              {i + 1}. {label}
              {skipped && <span className="sr-only"> (not needed: no credentials in the bundle)</span>}
            </li>
          );
        })}
      </ol>

      {loaded && (
        <div className="grid gap-2">
          <BundleSummaryCard summary={loaded.summary} fileName={loaded.file.name} />
          {step.name !== "importing" && (
            <div>
              <Button
                variant="link"
                size="sm"
                className="px-0"
                onClick={() => (setStep({ name: "file" }), setError(null), setPassphrase(""))}
              >
                Choose another file
              </Button>
            </div>
          )}
        </div>
      )}

      {error && <ErrorDetails error={error} />}

      {step.name === "file" && <BundleDropZone onFile={onFile} busy={reading} />}

      {step.name === "passphrase" && (
        <form
          className="grid max-w-md gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            void onPassphrase(step.loaded);
          }}
        >
          <FormField
            id="import-passphrase"
            label="Passphrase"
            hint="The passphrase chosen when the bundle was exported. It is checked before anything is imported."
          >
            <Input
              type="password"
              autoComplete="off"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          </FormField>
          <div>
            <Button type="submit" disabled={checking || passphrase.length === 0}>
              {checking ? "Checking…" : "Continue"}
            </Button>
          </div>
        </form>
      )}

      {step.name === "options" && (
        <ImportOptionsForm
          summary={step.loaded.summary}
          target={target}
          passphrase={step.passphrase}
          busy={false}
          onImport={(options) => void onImport(step.loaded, options)}
        />
      )}

      {step.name === "importing" && (
        <div role="status" aria-live="polite" className="grid max-w-md gap-2">
          <p className="text-sm font-medium">{progressLabel(progress, step.loaded.summary.counts.models)}</p>
          <Progress value={progressPercent(progress)} aria-label="Import progress" />
          <p className="text-xs text-muted-foreground">
            Everything is written in one transaction: if anything fails, nothing is changed.
          </p>
        </div>
      )}

      {step.name === "result" && (
        <>
          <ImportResultView result={step.result} />
          <div>
            <Button variant="outline" onClick={() => (setStep({ name: "file" }), setError(null), setPassphrase(""))}>
              Import another bundle
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

const PHASES: Record<string, string> = {
  validating: "Checking the bundle…",
  "checking the passphrase": "Checking the passphrase…",
  planning: "Planning the import…",
  project: "Writing the project…",
  models: "Writing models…",
  versions: "Writing model versions",
  settings: "Writing recipes, settings and access…",
  committing: "Committing…",
};

function progressLabel(progress: ImportProgress, models: number): string {
  if (progress.uploaded !== null) return `Uploading… ${Math.round(progress.uploaded * 100)}%`;
  const phase = PHASES[progress.phase ?? "validating"] ?? "Importing…";
  if (progress.phase === "versions" && progress.total)
    return `${phase}: ${progress.done!.toLocaleString("en")} of ${progress.total.toLocaleString("en")} (${models} models)`;
  return phase;
}

/** Upload is the first half of the bar, writing the second. */
function progressPercent(progress: ImportProgress): number {
  if (progress.uploaded !== null) return progress.uploaded * 50;
  if (progress.phase === "versions" && progress.total) return 55 + (40 * (progress.done ?? 0)) / progress.total;
  return progress.phase === "committing" ? 97 : 52;
}
