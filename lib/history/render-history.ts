import type { HistoryPage } from "./history";
import { actionWords, countsText, sourceText, warningsText } from "./history-labels";

/** The CLI's history: one line per entry in the pages' words, with the ids to act on. */
export function renderHistory(page: HistoryPage): string {
  if (page.entries.length === 0) return "No history yet.\n";
  const lines = page.entries.map((e) => {
    const when = e.at.slice(0, 19).replace("T", " ");
    const id =
      e.action === "project.snapshot" && e.snapshotId
        ? `  snapshot ${e.snapshotId}`
        : e.importId && e.action !== "project.deploy-all"
          ? `  result ${e.importId}`
          : "";
    const extra = [sourceText(e.source), countsText(e), warningsText(e.warnings)].filter(Boolean).join(" · ");
    return `${when}  ${e.actor}  ${actionWords(e)}${extra ? `  ${extra}` : ""}${id}`;
  });
  if (page.nextCursor) lines.push(`Older entries: --before ${page.nextCursor}`);
  return `${lines.join("\n")}\n`;
}
