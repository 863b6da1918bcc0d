import { SECTION_LABELS } from "@/lib/bundle/section-catalog";
import { formatBytes, formatUtc, plural } from "@/lib/utils";
import type { HistoryEntry } from "./history";
import type { ImportSource } from "./import-records";

// History entries in words (SPEC §12), for the History tab, the tenant History page and the
// result page: what happened, where the bundle came from, and the counts in one short line.
// Pure: the browser renders with it and unit tests pin it.

const MODE_WORDS: Record<string, string> = {
  create: "new project",
  replace: "replace",
  merge: "merge",
  "skip-existing": "skip existing",
};

const SNAPSHOT_REASONS: Record<string, string> = {
  "project.import": "Snapshot before import",
  "model.import": "Snapshot before model import",
  "project.restore": "Snapshot before restore",
};

/** An import that made or updated a reference project (SPEC §13). */
const REFERENCE_WORDS: Record<string, string> = {
  create: "Imported as a reference",
  convert: "Made a reference",
  update: "Reference update",
};

type EntryWords = Pick<HistoryEntry, "action" | "mode" | "outcome" | "code" | "target" | "details">;

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const count = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;

/** "Imported (replace)", "Snapshot before import", "Restored", "Exported", … and "— failed (CODE)". */
export function actionWords(entry: EntryWords): string {
  const words = baseWords(entry);
  if (entry.outcome !== "failed") return words;
  return `${words} — failed${entry.code ? ` (${entry.code})` : ""}`;
}

function baseWords(entry: EntryWords): string {
  const mode = entry.mode ? (MODE_WORDS[entry.mode] ?? entry.mode) : undefined;
  const d = entry.details;
  switch (entry.action) {
    case "project.export":
      return d.credentials === "encrypted" ? "Exported (with credentials)" : "Exported";
    case "model.export": {
      const model = entry.target.split("/")[2];
      return model ? `Exported model ${model}` : "Exported a model";
    }
    case "project.import": {
      const reference = REFERENCE_WORDS[text((d.reference as { action?: unknown } | undefined)?.action) ?? ""];
      if (reference) return mode ? `${reference} (${mode})` : reference;
      return mode ? `Imported (${mode})` : "Imported";
    }
    case "model.import":
      return mode ? `Imported models (${mode})` : "Imported models";
    case "project.snapshot":
      return SNAPSHOT_REASONS[text(d.reason) ?? ""] ?? "Snapshot";
    case "project.restore":
      return "Restored";
    case "snapshot.download":
      return d.credentials === "encrypted" ? "Downloaded snapshot (with credentials)" : "Downloaded snapshot";
    case "project.deploy-all":
      return "Deployed all";
    case "project.refresh-all":
      return "Refreshed all";
    case "project.detach":
      return "Detached from its reference source";
    default:
      return entry.action;
  }
}

/** Where an imported bundle came from: "prod-eu · acme/sales-analytics · 2026-05-01 09:30 UTC". */
export function sourceText(source: ImportSource | undefined): string | undefined {
  if (!source) return undefined;
  if (source.snapshotId)
    return source.snapshotAt ? `snapshot of ${formatUtc(new Date(source.snapshotAt))}` : "a snapshot";
  const where = source.tenant && source.project ? `${source.tenant}/${source.project}` : source.project;
  const parts = [source.instance, where, source.exportedAt ? formatUtc(new Date(source.exportedAt)) : undefined];
  const shown = parts.filter((part): part is string => Boolean(part));
  return shown.length > 0 ? shown.join(" · ") : undefined;
}

/** Sections an import counts, in the order a reader cares about; the rest are bookkeeping. */
const COUNTED_SECTIONS = ["models", "connections", "llmConfigs", "agent", "recipes", "settings", "accessBindings"];

interface SectionCounts {
  created?: number;
  updated?: number;
  deleted?: number;
}

/** "+5 ~2 −1" (zeros left out); "" when nothing changed. */
export function changeCounts(counts: SectionCounts): string {
  return [
    counts.created ? `+${counts.created}` : "",
    counts.updated ? `~${counts.updated}` : "",
    counts.deleted ? `−${counts.deleted}` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

const lower = (section: string) => {
  const label = SECTION_LABELS[section as keyof typeof SECTION_LABELS] ?? section;
  // "LLM configs" keeps its capitals; "Models" reads as "models" mid-line.
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
};

/**
 * The counts of an entry in one short line: an import's or restore's changes per section
 * ("+5 ~2 −1 models, +3 settings"), what an export or snapshot held, what deploy all deployed.
 */
export function countsText(entry: Pick<HistoryEntry, "action" | "counts" | "details">): string {
  const d = entry.details;
  const c = entry.counts ?? {};
  switch (entry.action) {
    case "project.import":
    case "model.import":
    case "project.restore":
      return importCounts(c, d.deleted);
    case "project.export":
    case "model.export": {
      const models = count(c.models);
      const sections = Array.isArray(c.sections) ? c.sections.length : undefined;
      return [
        models !== undefined ? plural(models, "model") : "",
        sections !== undefined ? plural(sections, "optional section") : "",
      ]
        .filter(Boolean)
        .join(", ");
    }
    case "project.snapshot": {
      const models = count(c.models);
      const bytes = count(c.bytes);
      return [models !== undefined ? plural(models, "model") : "", bytes !== undefined ? formatBytes(bytes) : ""]
        .filter(Boolean)
        .join(", ");
    }
    case "project.deploy-all": {
      const deployed = count(d.deployed);
      return deployed !== undefined ? `${plural(deployed, "model")} deployed` : "";
    }
    case "project.refresh-all": {
      const aggregates = count(d.aggregates);
      const pockets = count(d.pockets);
      return aggregates !== undefined && pockets !== undefined
        ? `${plural(aggregates, "aggregate")} and ${plural(pockets, "pocket")} refreshed`
        : "";
    }
    default:
      return "";
  }
}

function importCounts(summary: Record<string, unknown>, deleted: unknown): string {
  const gone = (deleted ?? {}) as Record<string, unknown>;
  const counted = (section: string) => {
    const s = (summary[section] ?? {}) as SectionCounts;
    const removed = Array.isArray(gone[section]) ? gone[section].length : 0;
    // Connections are unlinked, never deleted: an unlink is not a "−" of the tenant's connections.
    return {
      created: count(s.created) ?? 0,
      updated: count(s.updated) ?? 0,
      deleted: section === "connections" ? 0 : removed,
    };
  };
  // Models by name (the headline); the other sections summed up: the result page has each.
  const models = changeCounts(counted("models"));
  const others = COUNTED_SECTIONS.filter((s) => s !== "models")
    .map(counted)
    .reduce((sum, c) => ({
      created: sum.created + c.created,
      updated: sum.updated + c.updated,
      deleted: sum.deleted + c.deleted,
    }));
  const rest = changeCounts(others);
  const parts = [models ? `${models} ${lower("models")}` : "", rest ? `${rest} other items` : ""].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "no changes";
}

/** A warnings cell: "2 warnings", or "" for none. */
export function warningsText(warnings: number | undefined): string {
  return warnings ? plural(warnings, "warning") : "";
}

/** A plan action in words, for a plan's counts ("2 to delete") and its items. */
export const PLAN_ACTION_WORDS: Record<string, { count: string; item: string }> = {
  create: { count: "to create", item: "create" },
  update: { count: "to update", item: "update" },
  delete: { count: "to delete", item: "delete" },
  unlink: { count: "to unlink", item: "unlink" },
  link: { count: "to link", item: "link" },
  unchanged: { count: "unchanged", item: "unchanged" },
  keep: { count: "kept", item: "kept" },
  skip: { count: "skipped", item: "skipped" },
};

/** Actions that take something away: shown in red, and in words, never by colour alone. */
export const REMOVING_ACTIONS = new Set(["delete", "unlink"]);

/** "2 to create, 1 to delete, 14 unchanged": a section's (or a plan's) counts, zeros left out. */
export function planCountsText(counts: Partial<Record<string, number>>): string {
  const parts = Object.entries(PLAN_ACTION_WORDS)
    .filter(([action]) => (counts[action] ?? 0) > 0)
    .map(([action, words]) => `${counts[action]!.toLocaleString("en-US")} ${words.count}`);
  return parts.length > 0 ? parts.join(", ") : "nothing";
}

/** A plan's counts over every section. */
export function planTotalCounts(sections: { counts: Partial<Record<string, number>> }[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const section of sections)
    for (const [action, n] of Object.entries(section.counts)) totals[action] = (totals[action] ?? 0) + (n ?? 0);
  return totals;
}

/** A changed value in one short line (JSON, cut in the middle when long). */
export function shortValue(value: unknown, width = 80): string {
  if (value === undefined) return "(none)";
  const shown = JSON.stringify(value) ?? String(value);
  return shown.length <= width ? shown : `${shown.slice(0, width - 12)}…${shown.slice(-10)}`;
}
