"use client";

import { useState, useTransition } from "react";
import { revokeAccessTokenAction } from "@/app/(workspace)/settings/actions";
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
import { notify } from "@/lib/notify";

export function RevokeTokenButton({ token }: { token: { id: string; name: string; prefix: string } }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const revoke = () =>
    startTransition(async () => {
      const result = await revokeAccessTokenAction(token.id);
      if (result.ok) {
        setOpen(false);
        notify.success(`Revoked token “${token.name}”`, {
          description: "Anything still using it is refused from now on.",
        });
      } else setError(result.error.message);
    });

  return (
    <AlertDialog open={open} onOpenChange={(next) => (setOpen(next), setError(null))}>
      <AlertDialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={`Revoke token ${token.name}`}>
          Revoke
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Revoke “{token.name}”?</AlertDialogTitle>
          <AlertDialogDescription>
            Scripts and integrations using the token <span className="font-mono">{token.prefix}…</span> stop working at
            once. This cannot be undone; create a new token if you need access again.
          </AlertDialogDescription>
        </AlertDialogHeader>
        {error && (
          <p role="alert" className="text-sm text-destructive">
            {error}
          </p>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <AlertDialogAction
            disabled={pending}
            onClick={(event) => {
              // Keep the dialog open until the server answers, so a failure can be shown in it.
              event.preventDefault();
              revoke();
            }}
          >
            {pending ? "Revoking…" : "Revoke token"}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
