import { apiRoute, json } from "@/lib/http/api-route";
import { parseSearchParams } from "@/lib/http/search-params";
import { listProjectSummaries } from "@/lib/projects/list-project-summaries";
import { tenantQuerySchema } from "@/lib/validations/tenant";

export const GET = apiRoute(async ({ request, actor }) => {
  const query = parseSearchParams(request, tenantQuerySchema);
  return json(await listProjectSummaries({ actor, tenantSlug: query.tenant }));
});
