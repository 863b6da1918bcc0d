import { apiRoute, json } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { tenantParam } from "@/lib/http/search-params";
import { restoreSnapshot } from "@/lib/history/restore-snapshot";

// Restores a snapshot (SPEC §12): `{ dryRun: true }` answers the plan back to that state;
// `{ planToken }` refuses (409 PLAN_STALE) if the project changed since that plan. Tenant admins.
export const POST = apiRoute<{ projectSlug: string; snapshotId: string }>(
  async ({ request, actor, params }) =>
    json(
      await restoreSnapshot({
        actor,
        tenantSlug: tenantParam(request),
        projectSlug: params.projectSlug,
        snapshotId: params.snapshotId,
        options: await readJsonBody(request),
      }),
    ),
  { fallback: "IMPORT_FAILED" },
);
