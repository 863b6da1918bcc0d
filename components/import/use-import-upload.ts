"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { ImportResult } from "@/lib/import/import-result";
import type { ImportOptions } from "@/lib/import/import-options";
import type { WizardError, WizardTarget } from "./plan-in-browser";
import { uploadImport, type ImportProgress } from "./upload-import";

const START: ImportProgress = { uploaded: 0, phase: null };

/** The import itself: a mutation whose progress (upload, then the server's phases) the wizard shows. */
export function useImportUpload(target: WizardTarget) {
  const [progress, setProgress] = useState<ImportProgress>(START);
  const mutation = useMutation<ImportResult, WizardError, { file: File; options: ImportOptions }>({
    mutationFn: async ({ file, options }) => {
      setProgress(START);
      const form = new FormData();
      form.set("bundle", file);
      form.set("options", JSON.stringify(options));
      const url = target.project
        ? `/api/v1/projects/${target.project.slug}/models/import?tenant=${target.tenantSlug}`
        : "/api/v1/projects/import";
      const outcome = await uploadImport({ url, form, onProgress: setProgress });
      if (!outcome.ok) throw outcome.error;
      return outcome.data;
    },
  });
  return { ...mutation, progress };
}
