import { PLAN_ACTIONS, type PlanAction } from "@/lib/import/plan-actions";
import type { PlanItem, PlanSection } from "@/lib/import/plan-changes";
import { showValue } from "@/lib/import/render-plan";
import { sectionNoun } from "./section-labels";

// The plan as the review step shows it: counts per section and action, each item with its
// changed paths, versions and note, in the server's order. Pure (types only from the planner).

type Plan = { project: PlanItem; sections: PlanSection[] };

export const ACTION_LABELS: Record<PlanAction, string> = {
  create: "Create",
  update: "Update",
  delete: "Delete",
  unchanged: "Unchanged",
  skip: "Skip",
  unlink: "Unlink",
  link: "Link",
  keep: "Keep",
};

/** What removes something from the target: shown in red, and always in words too. */
export const isDestructive = (action: PlanAction) => action === "delete" || action === "unlink";

export interface ReviewChange {
  path: string;
  before?: string;
  after?: string;
}

export interface ReviewItem {
  key: string;
  action: PlanAction;
  destructive: boolean;
  note?: string;
  changes: ReviewChange[];
  /** Changed paths the server left out of `changes`. */
  more: number;
  /** "Versions to append: v4, v5", "Conflicting versions: v2", "Versions removed: v1". */
  versions: string[];
}

export interface ReviewCount {
  action: PlanAction;
  count: number;
  destructive: boolean;
}

export interface ReviewSection {
  key: string;
  label: string;
  counts: ReviewCount[];
  items: ReviewItem[];
}

/** Secrets are shown in the server's words ("secret replaced", "pending"), other values as JSON. */
function shown(path: string, value: unknown, present: boolean): string | undefined {
  if (!present) return undefined;
  if (path === "credentials" || path.endsWith(".credentials")) return String(value);
  return showValue(value);
}

function reviewItem(item: PlanItem): ReviewItem {
  const versions: string[] = [];
  const list = (numbers: number[]) => numbers.map((n) => `v${n}`).join(", ");
  if (item.versions?.append.length) versions.push(`Versions to append: ${list(item.versions.append)}`);
  if (item.versions?.conflict.length) versions.push(`Conflicting versions: ${list(item.versions.conflict)}`);
  if (item.versions?.remove.length) versions.push(`Versions removed: ${list(item.versions.remove)}`);
  return {
    key: item.key,
    action: item.action,
    destructive: isDestructive(item.action),
    ...(item.note ? { note: item.note } : {}),
    changes: (item.changes ?? []).map((c) => ({
      path: c.path,
      ...(shown(c.path, c.before, "before" in c) !== undefined
        ? { before: shown(c.path, c.before, "before" in c) }
        : {}),
      ...(shown(c.path, c.after, "after" in c) !== undefined ? { after: shown(c.path, c.after, "after" in c) } : {}),
    })),
    more: item.more ?? 0,
    versions,
  };
}

function counts(items: PlanItem[]): ReviewCount[] {
  const byAction = new Map<PlanAction, number>();
  for (const item of items) byAction.set(item.action, (byAction.get(item.action) ?? 0) + 1);
  return PLAN_ACTIONS.filter((a) => byAction.has(a)).map((action) => ({
    action,
    count: byAction.get(action)!,
    destructive: isDestructive(action),
  }));
}

/** The project row (when it changes) and every section with items, in the server's order. */
export function reviewSections(plan: Plan): ReviewSection[] {
  const sections: ReviewSection[] = [];
  if (plan.project.action !== "unchanged" || plan.project.note)
    sections.push({
      key: "project",
      label: "Project",
      counts: counts([plan.project]),
      items: [reviewItem(plan.project)],
    });
  for (const section of plan.sections) {
    if (section.items.length === 0) continue;
    sections.push({
      key: section.key,
      label: section.label,
      counts: counts(section.items),
      items: section.items.map(reviewItem),
    });
  }
  return sections;
}

/** Whether an item opens to more than its one line. */
export const hasDetails = (item: ReviewItem) => item.changes.length > 0 || item.versions.length > 0 || item.more > 0;

export interface ReplaceSummary {
  /** "Deletes 2 models, 1 setting, unlinks 1 connection." */
  text: string;
  /** The first items to be deleted: 'model "orders"'. */
  first: string[];
  /** How many more are deleted than `first` names. */
  more: number;
}

/** What a replace removes, for its confirmation: numbers per section and the first deletions. */
export function replaceSummary(plan: Plan, max = 5): ReplaceSummary {
  const deleted: string[] = [];
  const deletes: string[] = [];
  const unlinks: string[] = [];
  for (const section of plan.sections) {
    const del = section.counts.delete ?? 0;
    const unlink = section.counts.unlink ?? 0;
    if (del > 0) deletes.push(`${del.toLocaleString("en")} ${sectionNoun(section.key, del)}`);
    if (unlink > 0) unlinks.push(`${unlink.toLocaleString("en")} ${sectionNoun(section.key, unlink)}`);
    for (const item of section.items)
      if (item.action === "delete") deleted.push(`${sectionNoun(section.key, 1)} “${item.key}”`);
  }
  const parts = [
    ...(deletes.length > 0 ? [`Deletes ${deletes.join(", ")}`] : []),
    ...(unlinks.length > 0 ? [`${deletes.length > 0 ? "unlinks" : "Unlinks"} ${unlinks.join(", ")}`] : []),
  ];
  const text =
    parts.length > 0 ? `${parts.join(", ")}.` : "Deletes nothing: everything the project holds is in the bundle.";
  return { text, first: deleted.slice(0, max), more: Math.max(0, deleted.length - max) };
}
