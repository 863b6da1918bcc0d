import { apiRoute, json } from "@/lib/http/api-route";
import { tenantParam } from "@/lib/http/search-params";
import { listSnapshots } from "@/lib/history/restore-snapshot";

// The project's snapshots, newest first (each taken before an import or restore changed it).
export const GET = apiRoute<{ projectSlug: string }>(async ({ request, actor, params }) =>
  json({
    snapshots: await listSnapshots({ actor, tenantSlug: tenantParam(request), projectSlug: params.projectSlug }),
  }),
);
