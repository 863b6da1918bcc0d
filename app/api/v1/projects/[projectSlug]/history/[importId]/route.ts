import { apiRoute, json } from "@/lib/http/api-route";
import { tenantParam } from "@/lib/http/search-params";
import { getStoredImport } from "@/lib/history/history";

// An import's stored result with its checklist (each item: done by hand or by itself, or open).
export const GET = apiRoute<{ projectSlug: string; importId: string }>(async ({ request, actor, params }) =>
  json(
    await getStoredImport({
      actor,
      tenantSlug: tenantParam(request),
      projectSlug: params.projectSlug,
      importId: params.importId,
    }),
  ),
);
