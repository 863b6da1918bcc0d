"use server";

import { requireActionActor } from "@/lib/auth/session-actor";
import { AppError } from "@/lib/errors";
import { getStoredImport, historyCursor, projectHistory, tickChecklistItem } from "@/lib/history/history";
import { markKeptSnapshots } from "@/lib/history/mark-kept-snapshots";
import { restoreSnapshot } from "@/lib/history/restore-snapshot";
import { runAction } from "@/lib/http/action-result";
import { projectAction, rowKey, type ProjectRef } from "@/lib/http/workspace-action";

// The History tab's server actions. Reads go through runAction alone (nothing to revalidate);
// writes through projectAction, which refreshes the project's pages.

/** A page of the project's history, newest first; `before` is the previous page's nextCursor. */
export async function projectHistoryAction(ref: ProjectRef, before?: string) {
  return runAction("projectHistory", async () =>
    markKeptSnapshots(
      await projectHistory({
        actor: await requireActionActor(),
        tenantSlug: rowKey(ref?.tenantSlug),
        projectSlug: rowKey(ref?.projectSlug),
        page: { before: historyCursor(before) },
      }),
    ),
  );
}

/** An import's (or restore's) stored result with its checklist as it stands now. */
export async function storedImportAction(ref: ProjectRef, importId: string) {
  return runAction("storedImport", async () =>
    getStoredImport({
      actor: await requireActionActor(),
      tenantSlug: rowKey(ref?.tenantSlug),
      projectSlug: rowKey(ref?.projectSlug),
      importId: rowKey(importId),
    }),
  );
}

export async function tickChecklistItemAction(ref: ProjectRef, importId: string, item: number, done: boolean) {
  return projectAction("tickChecklistItem", ref, (context) => {
    if (!Number.isInteger(item) || typeof done !== "boolean")
      throw new AppError("INVALID_INPUT", "The request names no checklist item.");
    return tickChecklistItem({ ...context, importId: rowKey(importId), item, done });
  });
}

/** The plan back to a snapshot (a restore's dry run): writes nothing. Tenant admins. */
export async function planRestoreAction(ref: ProjectRef, snapshotId: string) {
  return runAction("planRestore", async () =>
    restoreSnapshot({
      actor: await requireActionActor(),
      tenantSlug: rowKey(ref?.tenantSlug),
      projectSlug: rowKey(ref?.projectSlug),
      snapshotId: rowKey(snapshotId),
      options: { dryRun: true },
    }),
  );
}

/** Restores a snapshot as planned: refused (PLAN_STALE, nothing written) if the project changed since. */
export async function restoreSnapshotAction(ref: ProjectRef, snapshotId: string, planToken: string) {
  return projectAction("restoreSnapshot", ref, (context) =>
    restoreSnapshot({ ...context, snapshotId: rowKey(snapshotId), options: { planToken } }),
  );
}
