import type { Change } from "@/lib/bundle/sections/diff";
import { PLAN_ACTIONS, type PlanAction } from "./plan-actions";
import type { PlanItem, PlanSection } from "./plan-changes";

// A plan as text, the way `terraform plan` prints one: a symbol per item (`+` create, `~` update,
// `-` delete or unlink, `=` unchanged, kept or skipped, `>` link), the changed paths under each
// update, and a closing count. The CLI's `plan` and `diff` print it. Pure.

const SYMBOL: Record<PlanAction, string> = {
  create: "+",
  update: "~",
  delete: "-",
  unlink: "-",
  link: ">",
  unchanged: "=",
  keep: "=",
  skip: "=",
};

const SUFFIX: Partial<Record<PlanAction, string>> = {
  unlink: "unlink",
  link: "link",
  keep: "kept",
  skip: "skipped",
};

const VALUE_WIDTH = 60;

/** A value in one short line: JSON, cut in the middle of long ones. */
export function showValue(value: unknown): string {
  if (value === undefined) return "(none)";
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= VALUE_WIDTH ? text : `${text.slice(0, VALUE_WIDTH - 12)}…${text.slice(-10)}`;
}

function changeLine(change: Change): string {
  if (!("before" in change)) return `${change.path}: ${showValue(change.after)} (added)`;
  if (!("after" in change)) return `${change.path}: ${showValue(change.before)} (removed)`;
  return `${change.path}: ${showValue(change.before)} → ${showValue(change.after)}`;
}

function itemLines(item: PlanItem): string[] {
  const suffix = [SUFFIX[item.action], item.note].filter(Boolean).join(": ");
  const lines = [`  ${SYMBOL[item.action]} ${item.key}${suffix ? `  (${suffix})` : ""}`];
  for (const change of item.changes ?? []) lines.push(`      ${changeLine(change)}`);
  if (item.more) lines.push(`      … and ${item.more} more changed path${item.more > 1 ? "s" : ""}`);
  return lines;
}

export function renderPlan(plan: { project: PlanItem; sections: PlanSection[] }): string {
  const lines: string[] = [];
  if (plan.project.action !== "unchanged" || plan.project.note) lines.push("Project", ...itemLines(plan.project), "");
  for (const section of plan.sections) {
    if (section.items.length === 0) continue;
    lines.push(section.label, ...section.items.flatMap(itemLines));
    if (section.omitted) lines.push(`  … and ${section.omitted} more`);
    lines.push("");
  }
  lines.push(planTotals(plan));
  return `${lines.join("\n")}\n`;
}

/** "Plan: 2 to create, 1 to update, 1 to delete, 14 unchanged." (actions with no items left out). */
export function planTotals(plan: { project: PlanItem; sections: PlanSection[] }): string {
  const totals: Partial<Record<PlanAction, number>> = {};
  totals[plan.project.action] = 1;
  for (const section of plan.sections)
    for (const action of PLAN_ACTIONS) totals[action] = (totals[action] ?? 0) + (section.counts[action] ?? 0);
  const words: Record<PlanAction, string> = {
    create: "to create",
    update: "to update",
    delete: "to delete",
    unlink: "to unlink",
    link: "to link",
    unchanged: "unchanged",
    keep: "kept",
    skip: "skipped",
  };
  const parts = PLAN_ACTIONS.filter((a) => totals[a]).map((a) => `${totals[a]} ${words[a]}`);
  return `Plan: ${parts.join(", ")}.`;
}
