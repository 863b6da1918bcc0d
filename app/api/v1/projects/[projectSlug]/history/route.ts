import { apiRoute, json } from "@/lib/http/api-route";
import { parseSearchParams } from "@/lib/http/search-params";
import { projectHistory } from "@/lib/history/history";
import { historyQuerySchema } from "@/lib/validations/history";

// A project's history (SPEC §12), newest first, a page at a time. Project ADMINs and tenant admins.
export const GET = apiRoute<{ projectSlug: string }>(async ({ request, actor, params }) => {
  const { tenant, ...page } = parseSearchParams(request, historyQuerySchema);
  return json(await projectHistory({ actor, tenantSlug: tenant, projectSlug: params.projectSlug, page }));
});
