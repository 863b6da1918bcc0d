import { apiRoute, json } from "@/lib/http/api-route";
import { tenantParam } from "@/lib/http/search-params";
import { detachProject } from "@/lib/projects/detach-project";

// Detach (SPEC §13): a reference project becomes an ordinary project → `{ project, detached, source }`.
// Tenant admins; 409 CONFLICT when the project is not a reference.
export const POST = apiRoute<{ projectSlug: string }>(async ({ request, actor, params }) =>
  json(await detachProject({ actor, tenantSlug: tenantParam(request), projectSlug: params.projectSlug })),
);
