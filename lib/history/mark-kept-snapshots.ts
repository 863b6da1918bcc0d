import "server-only";
import { db } from "@/lib/db";
import type { HistoryPage } from "./history";

export interface HistoryPageWithSnapshots extends HistoryPage {
  /** The page's snapshot ids still stored: older ones were pruned (FERRY_SNAPSHOT_RETENTION). */
  keptSnapshots: string[];
}

/**
 * Which of a history page's snapshots can still be restored or downloaded, so the screens offer
 * those actions only where they would work. The page was already authorised; this reads ids only.
 */
export async function markKeptSnapshots(page: HistoryPage): Promise<HistoryPageWithSnapshots> {
  const ids = [
    ...new Set(page.entries.flatMap((e) => (e.action === "project.snapshot" && e.snapshotId ? [e.snapshotId] : []))),
  ];
  const kept =
    ids.length === 0 ? [] : await db.projectSnapshot.findMany({ where: { id: { in: ids } }, select: { id: true } });
  return { ...page, keptSnapshots: kept.map((s) => s.id) };
}
