import { apiRoute, json } from "@/lib/http/api-route";
import { parseSearchParams } from "@/lib/http/search-params";
import { getProjectDetail } from "@/lib/projects/get-project-detail";
import { tenantQuerySchema } from "@/lib/validations/tenant";

export const GET = apiRoute<{ projectSlug: string }>(async ({ request, actor, params }) => {
  const query = parseSearchParams(request, tenantQuerySchema);
  return json(await getProjectDetail({ actor, tenantSlug: query.tenant, projectSlug: params.projectSlug }));
});
