import { importBundle } from "@/lib/import/import-bundle";
import { apiRoute, json } from "@/lib/http/api-route";
import { progressResponse, wantsProgress } from "@/lib/http/progress-stream";
import { readBundleUpload } from "@/lib/http/read-bundle-upload";

export const POST = apiRoute<{ projectSlug: string }>(
  async ({ request, actor, params }) => {
    const upload = await readBundleUpload(request);
    const options = {
      mode: "create",
      tenant: new URL(request.url).searchParams.get("tenant") ?? undefined,
      ...(upload.options as object | undefined),
      projectSlug: params.projectSlug,
    };
    const run = (onProgress?: (phase: string, done?: number, total?: number) => void) =>
      importBundle({ actor, bundle: upload.take, options, expectScope: "model", onProgress });
    if (wantsProgress(request)) return progressResponse(run, { fallback: "IMPORT_FAILED", name: "model import" });
    return json(await run());
  },
  { fallback: "IMPORT_FAILED" },
);
