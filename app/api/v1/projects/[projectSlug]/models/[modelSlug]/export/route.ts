import { exportResponse } from "@/lib/export/export-response";
import { prepareExport } from "@/lib/export/export-project";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { tenantParam } from "@/lib/http/search-params";

export const POST = apiRoute<{ projectSlug: string; modelSlug: string }>(async ({ request, actor, params }) => {
  const prepared = await prepareExport({
    actor,
    tenantSlug: tenantParam(request),
    projectSlug: params.projectSlug,
    modelSlug: params.modelSlug,
    options: await readJsonBody(request),
  });
  return exportResponse(prepared);
});
