import { previewImport } from "@/lib/import/preview-import";
import { apiRoute, json } from "@/lib/http/api-route";
import { readBundleUpload } from "@/lib/http/read-bundle-upload";

export const POST = apiRoute(async ({ request, actor }) => {
  const upload = await readBundleUpload(request);
  const tenant =
    new URL(request.url).searchParams.get("tenant") ?? (upload.options as { tenant?: string } | undefined)?.tenant;
  return json(await previewImport({ actor, bytes: upload.take(), tenantSlug: tenant }));
});
