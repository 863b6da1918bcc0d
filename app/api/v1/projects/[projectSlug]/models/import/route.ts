import { importBundle } from "@/lib/import/import-bundle";
import { apiRoute, json } from "@/lib/http/api-route";
import { readBundleUpload } from "@/lib/http/read-bundle-upload";
import { refuseCliOnlyImportOptions } from "@/lib/http/refuse-cli-only-import-options";

export const POST = apiRoute<{ projectSlug: string }>(
  async ({ request, actor, params }) => {
    const upload = await readBundleUpload(request);
    const options = { mode: "create", tenant: new URL(request.url).searchParams.get("tenant") ?? undefined, ...(refuseCliOnlyImportOptions(upload.options) as object | undefined), projectSlug: params.projectSlug };
    return json(await importBundle({ actor, bundle: upload.bytes, options, expectScope: "model" }));
  },
  { fallback: "IMPORT_FAILED" },
);
