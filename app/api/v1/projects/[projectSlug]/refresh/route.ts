import { apiRoute, json } from "@/lib/http/api-route";
import { tenantParam } from "@/lib/http/search-params";
import { refreshModel } from "@/lib/models/refresh-model";

// Refresh all: every aggregate and pocket of the project, in one transaction. Project EDITORs.
export const POST = apiRoute<{ projectSlug: string }>(async ({ request, actor, params }) =>
  json(await refreshModel({ actor, tenantSlug: tenantParam(request), projectSlug: params.projectSlug })),
);
