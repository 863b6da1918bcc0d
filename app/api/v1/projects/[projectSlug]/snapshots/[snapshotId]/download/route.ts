import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { tenantParam } from "@/lib/http/search-params";
import { downloadSnapshot } from "@/lib/history/restore-snapshot";

// A snapshot as a bundle file. GET: credentials stripped (project ADMINs). POST
// `{ includeCredentials: true, passphrase }`: credentials under that passphrase (tenant admins).
async function download(
  request: Request,
  actor: Parameters<typeof downloadSnapshot>[0]["actor"],
  params: { projectSlug: string; snapshotId: string },
  options: unknown,
) {
  const file = await downloadSnapshot({
    actor,
    tenantSlug: tenantParam(request),
    projectSlug: params.projectSlug,
    snapshotId: params.snapshotId,
    options,
  });
  return new Response(file.text, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "x-ferry-credentials": file.secrets,
    },
  });
}

export const GET = apiRoute<{ projectSlug: string; snapshotId: string }>(({ request, actor, params }) =>
  download(request, actor, params, {}),
);

export const POST = apiRoute<{ projectSlug: string; snapshotId: string }>(async ({ request, actor, params }) =>
  download(request, actor, params, await readJsonBody(request)),
);
