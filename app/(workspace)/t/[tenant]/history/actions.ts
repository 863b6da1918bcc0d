"use server";

import { requireActionActor } from "@/lib/auth/session-actor";
import { historyCursor, tenantHistory } from "@/lib/history/history";
import { markKeptSnapshots } from "@/lib/history/mark-kept-snapshots";
import { runAction } from "@/lib/http/action-result";
import { rowKey } from "@/lib/http/workspace-action";

/** A page of the tenant's history (every project), newest first. Tenant admins. */
export async function tenantHistoryAction(tenantSlug: string, before?: string) {
  return runAction("tenantHistory", async () =>
    markKeptSnapshots(
      await tenantHistory({
        actor: await requireActionActor(),
        tenantSlug: rowKey(tenantSlug),
        page: { before: historyCursor(before) },
      }),
    ),
  );
}
