import { prepareExport } from "@/lib/export/export-project";
import { apiRoute } from "@/lib/http/api-route";
import { attachmentResponse } from "@/lib/http/attachment-response";
import { readJsonBody } from "@/lib/http/read-json-body";

export const POST = apiRoute<{ projectSlug: string; modelSlug: string }>(async ({ request, actor, params }) => {
  const prepared = await prepareExport({
    actor,
    tenantSlug: new URL(request.url).searchParams.get("tenant"),
    projectSlug: params.projectSlug,
    modelSlug: params.modelSlug,
    options: await readJsonBody(request),
  });
  return attachmentResponse(prepared.open(), prepared.filename);
});
