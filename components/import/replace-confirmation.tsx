"use client";

import type { RefObject } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import type { ReplaceSummary } from "./review-rows";

/**
 * "This cannot be undone": asked before a replace import, with the plan's numbers of what it deletes
 * and the first deletions by name. Closing it returns focus to its opener.
 */
export function ReplaceConfirmation({
  open,
  isModel,
  name,
  summary,
  opener,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  isModel: boolean;
  name: string | undefined;
  /** From the reviewed plan. */
  summary: ReplaceSummary;
  opener: RefObject<HTMLElement | null>;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <AlertDialog open={open} onOpenChange={(next) => !next && onCancel()}>
      <AlertDialogContent
        onCloseAutoFocus={(event) => {
          // Radix would return focus to an AlertDialogTrigger; this dialog is opened by the form's
          // Import button. After Replace that button is gone and the next step's heading takes focus.
          event.preventDefault();
          if (opener.current?.isConnected) opener.current.focus();
        }}
      >
        <AlertDialogHeader>
          <AlertDialogTitle>{isModel ? `Replace model “${name}”?` : `Replace project “${name}”?`}</AlertDialogTitle>
          <AlertDialogDescription>
            {summary.text}{" "}
            {isModel
              ? "Its draft, version history, aggregates and pockets are replaced by the bundle's. This cannot be undone."
              : "Everything else is replaced by the bundle's content. This cannot be undone. Query history is kept; shared connections are only unlinked."}
          </AlertDialogDescription>
          {summary.first.length > 0 && (
            <ul aria-label="First items deleted" className="list-disc pl-5 text-sm text-red-700 dark:text-red-300">
              {summary.first.map((item) => (
                <li key={item}>Deletes {item}</li>
              ))}
              {summary.more > 0 && <li>and {summary.more.toLocaleString("en")} more</li>}
            </ul>
          )}
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction onClick={onConfirm}>Replace</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
