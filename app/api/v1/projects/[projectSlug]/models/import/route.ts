import { importBundle } from "@/lib/import/import-bundle";
import { apiRoute, json } from "@/lib/http/api-route";
import { readBundleUpload } from "@/lib/http/read-bundle-upload";

export const POST = apiRoute<{ projectSlug: string }>(
  async ({ request, actor, params }) => {
    const upload = await readBundleUpload(request);
    const options = { mode: "create", tenant: new URL(request.url).searchParams.get("tenant") ?? undefined, ...(upload.options as object | undefined), projectSlug: params.projectSlug };
    return json(await importBundle({ actor, bundle: upload.take, options, expectScope: "model" }));
  },
  { fallback: "IMPORT_FAILED" },
);
