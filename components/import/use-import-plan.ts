"use client";

import { useMutation } from "@tanstack/react-query";
import type { ImportOptions } from "@/lib/import/import-options";
import type { ImportResult } from "@/lib/import/import-result";
import type { WizardError } from "./plan-in-browser";

// Project and model bundles are planned by the same route (a model bundle against `projectSlug`).
const PLAN_URL = "/api/v1/projects/import/plan";

/**
 * The review step's plan (SPEC §11): the bundle and the options posted to the plan route, which
 * answers every item's action and changes with the `planToken` the import is then sent with.
 */
export function useImportPlan() {
  return useMutation<ImportResult, WizardError, { file: File; options: ImportOptions }>({
    mutationFn: async ({ file, options }) => {
      const form = new FormData();
      form.set("bundle", file);
      form.set("options", JSON.stringify(options));
      let response: Response;
      try {
        response = await fetch(PLAN_URL, { method: "POST", body: form });
      } catch {
        throw { code: "IMPORT_FAILED", message: "The plan request did not reach the server (connection lost)." };
      }
      const body = (await response.json().catch(() => null)) as (ImportResult & { error?: WizardError }) | null;
      if (!response.ok || !body || body.error)
        throw (
          body?.error ?? { code: "IMPORT_FAILED", message: `The server answered ${response.status} without a plan.` }
        );
      return body;
    },
  });
}
