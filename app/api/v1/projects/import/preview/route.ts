import { previewImport } from "@/lib/import/preview-import";
import { apiRoute, json } from "@/lib/http/api-route";
import { readBundleUpload } from "@/lib/http/read-bundle-upload";
import { tenantParam } from "@/lib/http/search-params";

export const POST = apiRoute(async ({ request, actor }) => {
  const upload = await readBundleUpload(request);
  const tenant = tenantParam(request) ?? (upload.options as { tenant?: string } | undefined)?.tenant;
  return json(await previewImport({ actor, bytes: upload.take(), tenantSlug: tenant }));
});
