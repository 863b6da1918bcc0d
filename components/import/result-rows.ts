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

/**
 * The toast after an import: what was imported, where, and the models' counts; the result page
 * below it has the rest (every section, warnings, the checklist).
 */
export function importToast(
  result: Pick<ImportResult, "scope" | "mode" | "summary" | "project" | "reference" | "requiredActions">,
): { message: string; description: string } {
  const models = result.summary.models ?? { created: 0, updated: 0, skipped: 0 };
  const counts = [
    models.created > 0 && `${models.created} created`,
    models.updated > 0 && `${models.updated} updated`,
    models.skipped > 0 && `${models.skipped} skipped`,
  ].filter(Boolean);
  const total = models.created + models.updated;
  const name = `“${result.project.displayName}”`;
  const message =
    result.scope === "model"
      ? `Imported ${total === 1 ? "1 model" : `${total} models`} into ${name}`
      : result.reference?.action === "update"
        ? `Updated the reference ${name}`
        : result.mode === "replace"
          ? `Replaced ${name} from the bundle`
          : result.mode !== "create"
            ? `Imported the bundle into ${name}`
            : result.reference
              ? `Imported ${name} as a reference`
              : `Imported ${name}`;
  const parts = [
    counts.length > 0 ? `Models: ${counts.join(", ")}.` : "No models changed.",
    result.requiredActions.length > 0
      ? `${result.requiredActions.length === 1 ? "1 step" : `${result.requiredActions.length} steps`} left on the checklist.`
      : "",
  ];
  return { message, description: parts.filter(Boolean).join(" ") };
}
