import { importBundle } from "@/lib/import/import-bundle";
import { apiRoute, json } from "@/lib/http/api-route";
import { readBundleUpload } from "@/lib/http/read-bundle-upload";
import { refuseCliOnlyImportOptions } from "@/lib/http/refuse-cli-only-import-options";

export const POST = apiRoute(
  async ({ request, actor }) => {
    const upload = await readBundleUpload(request);
    return json(await importBundle({ actor, bundle: upload.bytes, options: refuseCliOnlyImportOptions(upload.options) }));
  },
  { fallback: "IMPORT_FAILED" },
);
