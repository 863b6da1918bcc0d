import { apiRoute, json } from "@/lib/http/api-route";
import { progressResponse, wantsProgress } from "@/lib/http/progress-stream";
import { readBundleUpload } from "@/lib/http/read-bundle-upload";
import { tenantParam } from "@/lib/http/search-params";
import type { ImportProgress } from "@/lib/import/import-phase";
import { importModel } from "@/lib/import/import-model";
import { readImportInput } from "@/lib/import/read-import-input";

export const POST = apiRoute<{ projectSlug: string }>(
  async ({ request, actor, params }) => {
    const upload = await readBundleUpload(request);
    const run = (onProgress?: ImportProgress) =>
      upload.use(async () => {
        const defaults = { mode: "create" as const, tenant: tenantParam(request) };
        const withDefaults = {
          source: () => upload.source(),
          options: { ...defaults, ...(upload.options as object | undefined) },
        };
        return importModel({
          actor,
          ...(await readImportInput(withDefaults, onProgress, { projectSlug: params.projectSlug })),
          onProgress,
        });
      });
    if (wantsProgress(request)) return progressResponse(run, { fallback: "IMPORT_FAILED", name: "model import" });
    return json(await run());
  },
  { fallback: "IMPORT_FAILED" },
);
