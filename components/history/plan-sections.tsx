import { ChevronRightIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { ImportResult } from "@/lib/import/import-result";
import type { PlanItem } from "@/lib/import/plan-changes";
import { PLAN_ACTION_WORDS, REMOVING_ACTIONS, planCountsText, shortValue } from "@/lib/history/history-labels";
import { cn } from "@/lib/utils";

type Plan = ImportResult["plan"];

/** Items listed per section before the rest are counted: a plan of 2,000 settings stays quick. */
const SHOWN_ITEMS = 100;

const ACTION_BADGE: Record<string, "success" | "info" | "danger" | "secondary" | "warning"> = {
  create: "success",
  update: "info",
  delete: "danger",
  unlink: "danger",
  link: "info",
};

/**
 * A plan (an import's or a restore's), section by section: counts per action in the summary of
 * each collapsible section; each item with its action in words (deletions in red too) and, when
 * there is more to say, expandable to its changed paths, versions and note. `open` opens the
 * sections that change something.
 */
export function PlanSections({ plan, open = false }: { plan: Plan; open?: boolean }) {
  const sections = plan.sections.filter((s) => s.items.length > 0);
  return (
    <div className="grid gap-2">
      {plan.project.action !== "unchanged" && (
        <div className="rounded-md border p-3 text-sm">
          <span className="font-medium">Project</span> <ItemRow item={plan.project} />
        </div>
      )}
      {sections.map((section) => {
        const changing = Object.entries(section.counts).some(
          ([action, n]) => (n ?? 0) > 0 && !["unchanged", "keep", "skip"].includes(action),
        );
        return (
          <details key={section.key} className="group rounded-md border" open={open && changing}>
            <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-2 gap-y-1 p-3 text-sm [&::-webkit-details-marker]:hidden">
              <ChevronRightIcon aria-hidden className="size-4 shrink-0 transition-transform group-open:rotate-90" />
              <span className="font-medium">{section.label}</span>
              <span
                className={cn(
                  "text-muted-foreground",
                  ((section.counts.delete ?? 0) > 0 || (section.counts.unlink ?? 0) > 0) &&
                    "text-red-700 dark:text-red-300",
                )}
              >
                {planCountsText(section.counts)}
              </span>
            </summary>
            <ul className="grid gap-1 border-t p-3" aria-label={`${section.label}: items`}>
              {section.items.slice(0, SHOWN_ITEMS).map((item) => (
                <li key={item.key} className="text-sm">
                  <ItemRow item={item} />
                </li>
              ))}
              {section.items.length + (section.omitted ?? 0) > SHOWN_ITEMS && (
                <li className="text-sm text-muted-foreground">
                  … and {(section.items.length + (section.omitted ?? 0) - SHOWN_ITEMS).toLocaleString("en-US")} more
                </li>
              )}
            </ul>
          </details>
        );
      })}
      {sections.length === 0 && plan.project.action === "unchanged" && (
        <p className="text-sm text-muted-foreground">Nothing to change.</p>
      )}
    </div>
  );
}

function ItemRow({ item }: { item: PlanItem }) {
  const removing = REMOVING_ACTIONS.has(item.action);
  const words = PLAN_ACTION_WORDS[item.action]?.item ?? item.action;
  const head = (
    <span className={cn("inline-flex flex-wrap items-center gap-2", removing && "text-red-700 dark:text-red-300")}>
      <Badge variant={ACTION_BADGE[item.action] ?? "secondary"}>{words}</Badge>
      <span className={cn("font-mono text-xs", removing && "line-through decoration-1")}>{item.key}</span>
      {item.note && <span className="text-xs text-muted-foreground">{item.note}</span>}
    </span>
  );
  const versions = item.versions;
  const hasVersions = versions && versions.append.length + versions.remove.length + versions.conflict.length > 0;
  if (!item.changes?.length && !hasVersions) return head;
  return (
    <details className="group/item">
      <summary className="cursor-pointer list-none [&::-webkit-details-marker]:hidden">
        <span className="inline-flex items-center gap-1">
          <ChevronRightIcon aria-hidden className="size-3.5 transition-transform group-open/item:rotate-90" />
          {head}
          <span className="sr-only">: show changes</span>
        </span>
      </summary>
      <ul className="ml-5 mt-1 grid gap-0.5 border-l pl-3 text-xs">
        {hasVersions && versions.append.length > 0 && <li>versions added: {versions.append.join(", ")}</li>}
        {hasVersions && versions.remove.length > 0 && (
          <li className="text-red-700 dark:text-red-300">versions removed: {versions.remove.join(", ")}</li>
        )}
        {hasVersions && versions.conflict.length > 0 && <li>versions differing: {versions.conflict.join(", ")}</li>}
        {item.changes?.map((change) => (
          <li key={change.path} className="break-all font-mono">
            <span className="font-medium">{change.path}</span>:{" "}
            {!("before" in change)
              ? `${shortValue(change.after)} (added)`
              : !("after" in change)
                ? `${shortValue(change.before)} (removed)`
                : `${shortValue(change.before)} → ${shortValue(change.after)}`}
          </li>
        ))}
        {item.more ? <li className="text-muted-foreground">… and {item.more} more changed paths</li> : null}
      </ul>
    </details>
  );
}
