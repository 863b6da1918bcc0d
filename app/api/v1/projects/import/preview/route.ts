import { previewImport } from "@/lib/import/preview-import";
import { apiRoute, json } from "@/lib/http/api-route";
import { readBundleUpload } from "@/lib/http/read-bundle-upload";
import { tenantParam } from "@/lib/http/search-params";
import { previewOptionsSchema } from "@/lib/import/import-options";
import { parseInput } from "@/lib/validations/parse-input";

export const POST = apiRoute(async ({ request, actor }) => {
  const upload = await readBundleUpload(request);
  const preview = await upload.use(() => {
    // Multipart `options` may name the tenant instead of the query string.
    const tenant =
      tenantParam(request) ?? parseInput(previewOptionsSchema, upload.options ?? {}, "INVALID_OPTIONS").tenant;
    return previewImport({ actor, source: upload.source(), tenantSlug: tenant });
  });
  return json(preview);
});
