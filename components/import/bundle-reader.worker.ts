/// <reference lib="webworker" />
import type { Bundle } from "@/lib/bundle/schema";
import { isAppError } from "@/lib/errors";
import type { ImportOptions } from "@/lib/import/import-options";
import { selectableItems } from "@/lib/import/selectable-items";
import { summarizeBundle, type BundleSummary } from "@/lib/import/summarize-bundle";
import type { ReadBundle } from "./bundle-worker";
import { earlySummary } from "./early-summary";
import { readBundleFile } from "./read-bundle-file";
import { checkImportPlan, type PlanCheck, type WizardError, type WizardTarget } from "./plan-in-browser";

// Reads and validates a bundle off the main thread (a 100 MB file must not freeze the page) and
// keeps it: the wizard's option checks run the import planner here, against the parsed bundle.
// Only what the wizard shows travels back: the summary, the encryption block, the items' selection
// keys, the plan's verdict.

export type WorkerRequest =
  | { id: number; kind: "read"; file: File; maxBytes: number }
  | { id: number; kind: "plan"; options: ImportOptions; target: WizardTarget };

export type WorkerReply =
  | { id: number; kind: "read"; bundle: ReadBundle }
  /** Before "read": the summary of the parsed file while its models are still being validated. */
  | { id: number; kind: "summary"; summary: BundleSummary }
  | { id: number; kind: "plan"; check: PlanCheck }
  | { id: number; kind: "error"; error: WizardError };

let bundle: Bundle | null = null;

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const reply = (message: DistributiveOmit<WorkerReply, "id">) => self.postMessage({ ...message, id: request.id });
  try {
    if (request.kind === "read") {
      bundle = null;
      const started = performance.now();
      const parsed = await readBundleFile(request.file, request.maxBytes, (raw) => {
        const summary = earlySummary(raw);
        if (summary) reply({ kind: "summary", summary });
      });
      bundle = parsed;
      const read = {
        summary: summarizeBundle(parsed),
        encryption: parsed.encryption ?? null,
        selectable: selectableItems(parsed),
      };
      reply({ kind: "read", bundle: { ...read, millis: performance.now() - started } });
    } else {
      if (!bundle) throw new Error("no bundle read yet");
      reply({ kind: "plan", check: checkImportPlan(bundle, request.options, request.target) });
    }
  } catch (error) {
    reply({
      kind: "error",
      error: isAppError(error)
        ? { code: error.code, message: error.message, details: error.details }
        : { code: "INVALID_BUNDLE", message: "The file could not be read." },
    });
  }
};

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
