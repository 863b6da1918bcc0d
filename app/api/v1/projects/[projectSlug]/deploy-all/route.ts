import { apiRoute, json } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { tenantParam } from "@/lib/http/search-params";
import { deployAll } from "@/lib/models/deploy-all";
import { deployAllOptionsSchema } from "@/lib/validations/history";
import { parseInput } from "@/lib/validations/parse-input";

// Deploy all (SPEC §12): every model an import listed, at the version live in its source, in one
// transaction. `{ importId }` names the import (default: the project's latest). Project EDITORs.
export const POST = apiRoute<{ projectSlug: string }>(async ({ request, actor, params }) => {
  const { importId } = parseInput(deployAllOptionsSchema, await readJsonBody(request), "INVALID_OPTIONS");
  return json(await deployAll({ actor, tenantSlug: tenantParam(request), projectSlug: params.projectSlug, importId }));
});
