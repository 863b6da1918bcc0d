"use client";

import Link from "next/link";
import { Checkbox } from "@/components/ui/checkbox";
import type { ChecklistItem } from "@/lib/history/history";
import { cn, formatUtc } from "@/lib/utils";
import { useTickChecklistItem, type StoredImportRef } from "./use-stored-import";

/**
 * The required-actions checklist of a stored import (SPEC §12): each item ticks by hand (who,
 * when; persisted) or by itself once its effect is there (deployed, refreshed, credentials
 * entered). An item done by itself stays ticked: unticking it would not undo the deploy.
 */
export function ImportChecklist({
  target,
  items,
  me,
}: {
  target: StoredImportRef;
  items: ChecklistItem[];
  me: string;
}) {
  const tick = useTickChecklistItem(target, me);
  if (items.length === 0) return <p className="text-sm text-muted-foreground">Nothing left to do.</p>;
  return (
    <ul className="grid gap-2" aria-label="Required actions">
      {items.map((item) => {
        const id = `checklist-${item.index}`;
        const auto = item.done?.auto === true;
        return (
          <li key={item.index} className="flex items-start gap-2 text-sm">
            <Checkbox
              id={id}
              className="mt-0.5"
              checked={item.done !== null}
              disabled={auto}
              aria-describedby={`${id}-state`}
              onCheckedChange={(checked) => tick.mutate({ item: item.index, done: checked === true })}
            />
            <div className="grid gap-0.5">
              <label htmlFor={id} className={cn(item.done && "text-muted-foreground line-through decoration-1")}>
                {item.message}
              </label>
              <p id={`${id}-state`} className="text-xs text-muted-foreground">
                {item.done === null
                  ? item.checkable
                    ? "To do: ticks itself once done"
                    : "To do: tick it when done"
                  : auto
                    ? "Done (detected)"
                    : `Done by ${item.done.by} at ${formatUtc(new Date(item.done.at))}`}
                {" · "}
                <Link href={item.href} className="text-primary hover:underline">
                  {whereWords(item.kind)}
                  <span className="sr-only"> for: {item.message}</span>
                </Link>
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function whereWords(kind: ChecklistItem["kind"]): string {
  switch (kind) {
    case "deploy-model":
      return "Open the model";
    case "refresh":
      return "Open the models";
    case "enter-credentials":
      return "Enter credentials";
    default:
      return "Open";
  }
}
