import { apiRoute, json } from "@/lib/http/api-route";
import { parseSearchParams } from "@/lib/http/search-params";
import { tenantHistory } from "@/lib/history/history";
import { historyQuerySchema } from "@/lib/validations/history";

// A tenant's history (SPEC §12): exports, imports, snapshots and restores of every project,
// newest first; `before` = the previous page's nextCursor. Tenant admins.
export const GET = apiRoute(async ({ request, actor }) => {
  const { tenant, ...page } = parseSearchParams(request, historyQuerySchema);
  return json(await tenantHistory({ actor, tenantSlug: tenant, page }));
});
