"use client";

import { useState, useTransition } from "react";
import { deployModelVersionAction } from "@/app/(workspace)/t/[tenant]/p/[project]/actions";
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
import { Button } from "@/components/ui/button";
import { notify } from "@/lib/notify";

/** Deploys a version; when another version is live, asks first, since that changes what is served. */
export function DeployVersionButton({
  modelRef,
  modelName,
  number,
  liveVersion,
}: {
  modelRef: { tenantSlug: string; projectSlug: string; modelSlug: string };
  modelName: string;
  number: number;
  liveVersion: number | null;
}) {
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const deploy = () =>
    startTransition(async () => {
      const result = await deployModelVersionAction(modelRef, number);
      setConfirming(false);
      if (result.ok)
        notify.success(`Deployed version ${number} of ${modelName}`, {
          description:
            liveVersion === null
              ? "It is now the live version."
              : `It replaces version ${liveVersion} as the live one.`,
        });
      else notify.error(`Version ${number} was not deployed`, { description: result.error.message });
    });
  return (
    <>
      <Button
        size="sm"
        variant="outline"
        disabled={pending}
        aria-label={`Deploy version ${number}`}
        onClick={() => (liveVersion === null ? deploy() : setConfirming(true))}
      >
        {pending ? "Deploying…" : "Deploy"}
      </Button>
      <AlertDialog open={confirming} onOpenChange={setConfirming}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>
              Make version {number} live instead of version {liveVersion}?
            </AlertDialogTitle>
            <AlertDialogDescription>
              {modelName} is served at version {liveVersion} now. Deploying switches it to version {number}; you can
              deploy version {liveVersion} again to go back.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
            <AlertDialogAction
              disabled={pending}
              onClick={(event) => {
                event.preventDefault();
                deploy();
              }}
            >
              {pending ? "Deploying…" : `Deploy version ${number}`}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
