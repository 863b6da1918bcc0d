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

/** "This cannot be undone": asked before a replace import. Closing it returns focus to its opener. */
export function ReplaceConfirmation({
  open,
  isModel,
  name,
  opener,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  isModel: boolean;
  name: string | undefined;
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
            {isModel
              ? "Its draft, version history, aggregates and pockets are replaced by the bundle's. This cannot be undone."
              : "Its models, LLM configs, agent, recipes, settings and access bindings are deleted and replaced by the bundle's content. This cannot be undone. Query history is kept; shared connections are only unlinked."}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction onClick={onConfirm}>Replace</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
