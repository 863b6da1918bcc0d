import type { HistoryEntry, HistoryPage } from "./history";

// The words of a history entry, shared by the CLI and the History pages: what happened, where
// the bundle came from, and its counts in one short line.

const ACTION_WORDS: Record<string, string> = {
  "project.export": "Exported",
  "model.export": "Exported model",
  "project.import": "Imported",
  "model.import": "Imported model",
  "project.snapshot": "Snapshot",
  "project.restore": "Restored",
  "snapshot.download": "Downloaded snapshot",
  "project.deploy-all": "Deployed all",
  "project.refresh-all": "Refreshed all",
};

export function historyActionText(entry: Pick<HistoryEntry, "action" | "mode" | "outcome" | "details">): string {
  const base = ACTION_WORDS[entry.action] ?? entry.action;
  const reason = entry.action === "project.snapshot" ? snapshotReason(entry.details.reason) : "";
  const mode = entry.mode && entry.action.endsWith(".import") ? ` (${entry.mode})` : "";
  const failed = entry.outcome === "failed" ? " — failed" : "";
  return `${base}${reason}${mode}${failed}`;
}

function snapshotReason(reason: unknown): string {
  if (reason === "project.restore") return " before a restore";
  if (reason === "model.import") return " before a model import";
  return " before an import";
}

export function historySourceText(entry: Pick<HistoryEntry, "source">): string {
  const s = entry.source;
  if (!s) return "";
  if (s.snapshotId)
    return `snapshot ${s.snapshotId.slice(0, 8)}${s.snapshotAt ? ` of ${s.snapshotAt.slice(0, 16).replace("T", " ")} UTC` : ""}`;
  const where = [s.instance, [s.tenant, s.project].filter(Boolean).join("/")].filter(Boolean).join(" · ");
  return `${where}${s.exportedAt ? ` · exported ${s.exportedAt.slice(0, 16).replace("T", " ")} UTC` : ""}`;
}

/** "models +5 ~1 −2, settings +3" for imports; "6 models" for exports and snapshots. */
export function historyCountsText(entry: Pick<HistoryEntry, "counts" | "details" | "action">): string {
  const counts = entry.counts;
  if (!counts) return "";
  if (typeof counts.models === "number") return `${counts.models} model${counts.models === 1 ? "" : "s"}`;
  const deleted = (entry.details.deleted ?? {}) as Record<string, unknown[]>;
  const parts: string[] = [];
  for (const [section, value] of Object.entries(counts)) {
    if (section === "project" || typeof value !== "object" || value === null) continue;
    const c = value as { created?: number; updated?: number; skipped?: number; deleted?: number };
    const removed = c.deleted ?? deleted[section]?.length ?? 0;
    const bits = [
      c.created ? `+${c.created}` : "",
      c.updated ? `~${c.updated}` : "",
      removed ? `−${removed}` : "",
    ].filter(Boolean);
    if (bits.length > 0) parts.push(`${section} ${bits.join(" ")}`);
  }
  return parts.join(", ");
}

export function renderHistory(page: HistoryPage): string {
  if (page.entries.length === 0) return "No history yet.\n";
  const lines = page.entries.map((e) => {
    const when = e.at.slice(0, 19).replace("T", " ");
    const id =
      e.action === "project.snapshot" && e.snapshotId
        ? `  snapshot ${e.snapshotId}`
        : e.importId
          ? `  result ${e.importId}`
          : "";
    const extra = [
      historySourceText(e),
      historyCountsText(e),
      e.warnings ? `${e.warnings} warning${e.warnings === 1 ? "" : "s"}` : "",
    ]
      .filter(Boolean)
      .join(" · ");
    return `${when}  ${e.actor}  ${historyActionText(e)}${extra ? `  ${extra}` : ""}${id}`;
  });
  if (page.nextCursor) lines.push(`Older entries: --before ${page.nextCursor}`);
  return `${lines.join("\n")}\n`;
}
