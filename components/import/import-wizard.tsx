"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { startTransition, useState } from "react";
import { checkPassphraseAction } from "@/app/(workspace)/t/[tenant]/import/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Progress } from "@/components/ui/progress";
import type { ImportResult } from "@/lib/import/import-result";
import type { ImportOptions } from "@/lib/import/import-options";
import { BundleDropZone } from "./bundle-drop-zone";
import { BundleSummaryCard } from "./bundle-summary-card";
import { useBundleWorker, type ReadBundle } from "./bundle-worker";
import { ErrorDetails } from "./error-details";
import { ImportOptionsForm } from "./import-options-form";
import { ImportResultView } from "./import-result-view";
import type { WizardError, WizardTarget } from "./plan-in-browser";
import { StepHeading } from "./step-heading";
import type { ImportProgress } from "./upload-import";
import { useImportUpload } from "./use-import-upload";

type Loaded = ReadBundle & { file: File; id: number };
type Step =
  | { name: "file" }
  | { name: "passphrase"; loaded: Loaded }
  | { name: "options"; loaded: Loaded; passphrase?: string; refused?: ImportOptions }
  | { name: "importing"; loaded: Loaded }
  | { name: "result"; result: ImportResult };

const STEPS = ["Choose file", "Passphrase", "Options", "Import", "Result"];
const HEADINGS: Record<Step["name"], string> = {
  file: "Choose the bundle",
  passphrase: "Enter the passphrase",
  options: "Choose how to import",
  importing: "Importing",
  result: "Result",
};

/** Import Project / Import Model: file → passphrase (when credentials are present) → options → import → result. */
export function ImportWizard({ target, maxBytes }: { target: WizardTarget; maxBytes: number }) {
  const router = useRouter();
  const worker = useBundleWorker();
  const expectedScope = target.project ? "model" : "project";
  const [step, setStepState] = useState<Step>({ name: "file" });
  // Focus follows the wizard to each new step, but not on the first render (the page's own start).
  const [moved, setMoved] = useState(false);
  const [passphrase, setPassphrase] = useState("");

  const setStep = (next: Step) => {
    setMoved(true);
    setStepState(next);
  };

  const read = useMutation<Loaded, WizardError, File>({
    mutationFn: async (file) => {
      const bundle = await worker.read(file, maxBytes);
      if (bundle.summary.scope !== expectedScope) {
        throw {
          code: "INVALID_BUNDLE",
          message:
            bundle.summary.scope === "model"
              ? "This file holds a single model: open the project that should receive it and use Import Model."
              : "This file holds a whole project: use Import Project in the toolbar.",
        } satisfies WizardError;
      }
      return { ...bundle, file, id: Date.now() };
    },
    // A transition lets React render a big options form (hundreds of rows) in slices, keeping
    // the page responsive instead of one long main-thread task.
    onSuccess: (loaded) =>
      startTransition(() => setStep(loaded.encryption ? { name: "passphrase", loaded } : { name: "options", loaded })),
  });

  const unlock = useMutation<void, WizardError, Loaded>({
    mutationFn: async (loaded) => {
      const checked = await checkPassphraseAction(loaded.encryption, passphrase, target.tenantSlug);
      if (!checked.ok) throw checked.error;
    },
    onSuccess: (_, loaded) => startTransition(() => setStep({ name: "options", loaded, passphrase })),
  });

  const upload = useImportUpload(target);
  const onImport = (loaded: Loaded, options: ImportOptions) => {
    setStep({ name: "importing", loaded });
    upload.mutate(
      { file: loaded.file, options },
      {
        onSuccess: (result) => {
          setStep({ name: "result", result });
          router.refresh();
        },
        onError: () => setStep({ name: "options", loaded, passphrase: options.passphrase, refused: options }),
      },
    );
  };

  const restart = () => {
    setStep({ name: "file" });
    setPassphrase("");
    read.reset();
    unlock.reset();
    upload.reset();
  };

  const index = { file: 0, passphrase: 1, options: 2, importing: 3, result: 4 }[step.name];
  const loaded = "loaded" in step ? step.loaded : null;
  const passphraseSkipped = loaded !== null && loaded.encryption === null;
  const error = step.name === "file" ? read.error : step.name === "passphrase" ? unlock.error : upload.error;

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
              <Button variant="link" size="sm" className="px-0" onClick={restart}>
                Choose another file
              </Button>
            </div>
          )}
        </div>
      )}

      <StepHeading key={step.name} focus={moved}>
        {HEADINGS[step.name]}
      </StepHeading>

      {error && step.name !== "importing" && <ErrorDetails error={error} />}

      {step.name === "file" && <BundleDropZone onFile={(file) => read.mutate(file)} busy={read.isPending} />}

      {step.name === "passphrase" && (
        <form
          className="grid max-w-md gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            unlock.mutate(step.loaded);
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
            <Button type="submit" disabled={unlock.isPending || passphrase.length === 0}>
              {unlock.isPending ? "Checking…" : "Continue"}
            </Button>
          </div>
        </form>
      )}

      {step.name === "options" && (
        <ImportOptionsForm
          key={step.loaded.id}
          worker={worker}
          bundleId={step.loaded.id}
          summary={step.loaded.summary}
          target={target}
          passphrase={step.passphrase}
          initial={step.refused}
          refused={step.refused ? upload.error : null}
          busy={upload.isPending}
          onImport={(options) => onImport(step.loaded, options)}
        />
      )}

      {step.name === "importing" && (
        <div role="status" aria-live="polite" className="grid max-w-md gap-2">
          <p className="text-sm font-medium">{progressLabel(upload.progress, step.loaded.summary.counts.models)}</p>
          <Progress value={progressPercent(upload.progress)} aria-label="Import progress" />
          <p className="text-xs text-muted-foreground">
            Everything is written in one transaction: if anything fails, nothing is changed.
          </p>
        </div>
      )}

      {step.name === "result" && (
        <>
          <ImportResultView result={step.result} />
          <div>
            <Button variant="outline" onClick={restart}>
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
