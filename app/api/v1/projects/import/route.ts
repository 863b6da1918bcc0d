import { apiRoute, json } from "@/lib/http/api-route";
import { progressResponse, wantsProgress } from "@/lib/http/progress-stream";
import { readBundleUpload } from "@/lib/http/read-bundle-upload";
import type { ImportProgress } from "@/lib/import/import-phase";
import { importProject } from "@/lib/import/import-project";
import { readImportInput } from "@/lib/import/read-import-input";

export const POST = apiRoute(
  async ({ request, actor }) => {
    const upload = await readBundleUpload(request);
    const run = (onProgress?: ImportProgress) =>
      upload.use(async () => importProject({ actor, ...(await readImportInput(upload, onProgress)), onProgress }));
    if (wantsProgress(request)) return progressResponse(run, { fallback: "IMPORT_FAILED", name: "import" });
    return json(await run());
  },
  { fallback: "IMPORT_FAILED" },
);
