import { apiRoute, json } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { tenantParam } from "@/lib/http/search-params";
import { duplicateProject } from "@/lib/projects/duplicate-project";

// Duplicate (SPEC §13): `{ slug, displayName?, tenant?, connectionMapping?, dryRun?, planToken? }`
// → an import result for the new project; secrets are copied server-side. Tenant admins (of both).
export const POST = apiRoute<{ projectSlug: string }>(
  async ({ request, actor, params }) =>
    json(
      await duplicateProject({
        actor,
        tenantSlug: tenantParam(request),
        projectSlug: params.projectSlug,
        options: await readJsonBody(request),
      }),
    ),
  { fallback: "IMPORT_FAILED" },
);
