import type { ImportResult } from "@/lib/import/import-result";
import { sectionLabel } from "./section-labels";

export interface ResultRow {
  section: string;
  label: string;
  created: number;
  updated: number;
  mapped: number;
  skipped: number;
}

/**
 * The result's counts per section, as the summary table shows them. The report counts a connection
 * mapped onto an existing one (its secret untouched) as skipped; each connection's action says it
 * was mapped, so it is shown as such.
 */
export function resultRows(result: Pick<ImportResult, "summary" | "connections">): ResultRow[] {
  const mapped = result.connections.filter((c) => c.action === "map").length;
  return Object.entries(result.summary).map(([section, count]) => {
    const row = { section, label: sectionLabel(section), ...count, mapped: 0 };
    if (section !== "connections") return row;
    const mappedOnly = Math.min(Math.max(0, mapped - count.updated), count.skipped);
    return { ...row, mapped: mappedOnly, skipped: count.skipped - mappedOnly };
  });
}
