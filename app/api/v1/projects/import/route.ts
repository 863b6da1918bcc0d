import { importBundle } from "@/lib/import/import-bundle";
import { apiRoute, json } from "@/lib/http/api-route";
import { progressResponse, wantsProgress } from "@/lib/http/progress-stream";
import { readBundleUpload } from "@/lib/http/read-bundle-upload";

export const POST = apiRoute(
  async ({ request, actor }) => {
    const upload = await readBundleUpload(request);
    if (wantsProgress(request))
      return progressResponse(
        (report) => importBundle({ actor, bundle: upload.take, options: upload.options, onProgress: report }),
        { fallback: "IMPORT_FAILED", name: "import" },
      );
    return json(await importBundle({ actor, bundle: upload.take, options: upload.options }));
  },
  { fallback: "IMPORT_FAILED" },
);
