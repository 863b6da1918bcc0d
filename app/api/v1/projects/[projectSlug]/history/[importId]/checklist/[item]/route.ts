import { apiRoute, json } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { tenantParam } from "@/lib/http/search-params";
import { tickChecklistItem } from "@/lib/history/history";
import { checklistItemSchema, checklistTickSchema } from "@/lib/validations/history";
import { parseInput } from "@/lib/validations/parse-input";

// Ticks (`{ "done": true }`) or unticks a required action of a stored import result by hand.
export const POST = apiRoute<{ projectSlug: string; importId: string; item: string }>(
  async ({ request, actor, params }) => {
    const { done } = parseInput(checklistTickSchema, await readJsonBody(request), "INVALID_OPTIONS");
    return json(
      await tickChecklistItem({
        actor,
        tenantSlug: tenantParam(request),
        projectSlug: params.projectSlug,
        importId: params.importId,
        // Not a number names no item: 404 like one past the end.
        item: checklistItemSchema.safeParse(params.item).data ?? -1,
        done,
      }),
    );
  },
);
