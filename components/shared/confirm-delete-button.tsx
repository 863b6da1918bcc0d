"use client";

import { Trash2Icon } from "lucide-react";
import { useState, useTransition, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action-result";

/**
 * An icon button that asks before a destructive action. The dialog stays open while the action
 * runs and shows its error (e.g. "still used by…") instead of closing on failure.
 */
export function ConfirmDeleteButton({
  label,
  title,
  description,
  confirmLabel = "Delete",
  pendingLabel = "Deleting…",
  icon = <Trash2Icon />,
  showLabel = false,
  action,
}: {
  label: string;
  title: string;
  description: ReactNode;
  confirmLabel?: string;
  pendingLabel?: string;
  icon?: ReactNode;
  /** A labelled button ("Detach…") instead of an icon button. */
  showLabel?: boolean;
  action: () => Promise<ActionResult<unknown>>;
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <AlertDialog open={open} onOpenChange={(next) => (setOpen(next), setError(null))}>
      <AlertDialogTrigger asChild>
        {showLabel ? (
          <Button variant="outline" size="sm">
            {icon} {label}
          </Button>
        ) : (
          <Button variant="ghost" size="icon" aria-label={label} title={label}>
            {icon}
          </Button>
        )}
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        {error && <Alert variant="destructive">{error}</Alert>}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <AlertDialogAction
            disabled={pending}
            onClick={(event) => {
              event.preventDefault();
              startTransition(async () => {
                const result = await action();
                if (result.ok) setOpen(false);
                else setError(result.error.message);
              });
            }}
          >
            {pending ? pendingLabel : confirmLabel}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
