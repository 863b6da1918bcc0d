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
import type { BundleSummary } from "@/lib/import/summarize-bundle";
import { notify } from "@/lib/notify";
import { BundleDropZone } from "./bundle-drop-zone";
import { BundleSummaryCard } from "./bundle-summary-card";
import { useBundleWorker, type ReadBundle } from "./bundle-worker";
import { ErrorDetails } from "./error-details";
import { ImportOptionsForm } from "./import-options-form";
import { ImportResultView } from "./import-result-view";
import type { WizardError, WizardTarget } from "./plan-in-browser";
import { PlanReview } from "./plan-review";
import { importToast } from "./result-rows";
import { StepHeading } from "./step-heading";
import type { ImportProgress } from "./upload-import";
import { useImportPlan } from "./use-import-plan";
import { useImportUpload } from "./use-import-upload";

type Loaded = ReadBundle & { file: File; id: number };
type Step =
  | { name: "file" }
  | { name: "passphrase"; loaded: Loaded }
  // `initial`: the options of an attempt (reviewed, or refused with `refused`), which the form keeps.
  | { name: "options"; loaded: Loaded; passphrase?: string; initial?: ImportOptions; refused?: WizardError }
  // `stale`: the import was refused (PLAN_STALE) and this is the re-made plan, to review again.
  | { name: "review"; loaded: Loaded; options: ImportOptions; stale?: boolean }
  | { name: "importing"; loaded: Loaded; options: ImportOptions }
  | { name: "result"; result: ImportResult };

const STEPS = ["Choose file", "Passphrase", "Options", "Review changes", "Import", "Result"];
const HEADINGS: Record<Step["name"], string> = {
  file: "Choose the bundle",
  passphrase: "Enter the passphrase",
  options: "Choose how to import",
  review: "Review changes",
  importing: "Importing",
  result: "Result",
};

/**
 * Import Project / Import Model: file → passphrase (when credentials are present) → options →
 * review of the server's plan → import (with the reviewed plan's token) → result.
 */
export function ImportWizard({ target, maxBytes }: { target: WizardTarget; maxBytes: number }) {
  const router = useRouter();
  const worker = useBundleWorker();
  const expectedScope = target.project ? "model" : "project";
  const [step, setStepState] = useState<Step>({ name: "file" });
  // Focus follows the wizard to each new step, but not on the first render (the page's own start).
  const [moved, setMoved] = useState(false);
  const [passphrase, setPassphrase] = useState("");
  // The parsed file's summary while its models are still being checked (file step only).
  const [early, setEarly] = useState<{ summary: BundleSummary; file: File } | null>(null);

  const setStep = (next: Step) => {
    setMoved(true);
    setStepState(next);
  };

  const read = useMutation<Loaded, WizardError, File>({
    mutationFn: async (file) => {
      setEarly(null);
      const bundle = await worker.read(file, maxBytes, (summary) => setEarly({ summary, file }));
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

  const plan = useImportPlan();
  const review = (loaded: Loaded, options: ImportOptions, stale = false) => {
    setStep({ name: "review", loaded, options, stale });
    plan.mutate(
      { file: loaded.file, options },
      {
        // What a field of the options fixes (a slug taken meanwhile, a dangling selection) goes back there.
        onError: (error) => {
          if (["SLUG_TAKEN", "DANGLING_REFERENCE", "PROJECT_NOT_FOUND"].includes(error.code))
            setStep({ name: "options", loaded, passphrase: options.passphrase, initial: options, refused: error });
        },
      },
    );
  };

  const upload = useImportUpload(target);
  const onImport = (loaded: Loaded, options: ImportOptions, planToken: string) => {
    setStep({ name: "importing", loaded, options });
    upload.mutate(
      { file: loaded.file, options: { ...options, planToken } },
      {
        onSuccess: (result) => {
          const toast = importToast(result);
          notify.success(toast.message, { description: toast.description });
          setStep({ name: "result", result });
          router.refresh();
        },
        // Never applied silently: a plan gone stale is made again and shown for another review.
        onError: (error) =>
          error.code === "PLAN_STALE"
            ? review(loaded, options, true)
            : setStep({ name: "options", loaded, passphrase: options.passphrase, initial: options, refused: error }),
      },
    );
  };

  const restart = () => {
    setStep({ name: "file" });
    setPassphrase("");
    read.reset();
    unlock.reset();
    plan.reset();
    upload.reset();
  };

  const index = { file: 0, passphrase: 1, options: 2, review: 3, importing: 4, result: 5 }[step.name];
  const loaded = "loaded" in step ? step.loaded : null;
  const shown = loaded ?? (step.name === "file" && read.isPending ? early : null);
  const passphraseSkipped = loaded !== null && loaded.encryption === null;
  // Each step shows only its own error: one from an earlier attempt no longer applies.
  const error =
    step.name === "file"
      ? read.error
      : step.name === "passphrase"
        ? unlock.error
        : step.name === "options" && step.refused?.code !== "DANGLING_REFERENCE"
          ? step.refused
          : null;

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

      {shown && (
        <div className="grid gap-2">
          <BundleSummaryCard summary={shown.summary} fileName={shown.file.name} />
          {loaded && step.name !== "importing" && (
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

      {error && <ErrorDetails error={error} />}

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
          selectable={step.loaded.selectable}
          passphrase={step.passphrase}
          initial={step.initial}
          refused={step.refused}
          onReview={(options) => review(step.loaded, options)}
        />
      )}

      {step.name === "review" && (
        <PlanReview
          plan={plan.data}
          pending={plan.isPending}
          error={plan.error}
          stale={step.stale === true}
          replacing={
            step.options.mode === "replace"
              ? {
                  isModel: step.loaded.summary.scope === "model",
                  name: replacedName(step.options, step.loaded, target),
                }
              : undefined
          }
          onBack={() =>
            setStep({
              name: "options",
              loaded: step.loaded,
              passphrase: step.options.passphrase,
              initial: step.options,
            })
          }
          onRetry={() => review(step.loaded, step.options, step.stale)}
          onImport={() => plan.data && onImport(step.loaded, step.options, plan.data.planToken)}
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

/** What a replace overwrites: the model (by its slug after renames) or the project (by its name). */
function replacedName(options: ImportOptions, loaded: Loaded, target: WizardTarget): string | undefined {
  if (loaded.summary.scope === "model") return options.modelSlugOverrides?.[loaded.summary.models[0]?.slug ?? ""];
  return target.projects.find((p) => p.slug === options.projectSlug)?.displayName;
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
