"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { planRestoreAction, restoreSnapshotAction } from "@/app/(workspace)/t/[tenant]/p/[project]/history/actions";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { planCountsText, planTotalCounts } from "@/lib/history/history-labels";
import type { ImportResult } from "@/lib/import/import-result";
import { notify } from "@/lib/notify";
import { formatUtc, plural } from "@/lib/utils";
import type { SnapshotRef } from "./download-snapshot-dialog";
import { PlanSections } from "./plan-sections";

class ActionError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * Restore… (SPEC §12): the plan back to the snapshot first (a dry run), then the restore with that
 * plan's token. If the project changed in between, the server refuses (PLAN_STALE, nothing
 * written): the dialog plans again and says so.
 */
export function RestoreDialog({
  target,
  open,
  onOpenChange,
  children,
}: {
  target: SnapshotRef;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The trigger (a DialogTrigger): focus returns to it on close. */
  children?: React.ReactNode;
}) {
  const router = useRouter();
  const client = useQueryClient();
  const [stale, setStale] = useState(false);
  const ref = { tenantSlug: target.tenantSlug, projectSlug: target.projectSlug };
  const plan = useQuery({
    queryKey: ["restore-plan", target.tenantSlug, target.projectSlug, target.snapshot.id],
    enabled: open,
    staleTime: 0,
    gcTime: 0,
    retry: false,
    queryFn: async () => {
      const result = await planRestoreAction(ref, target.snapshot.id);
      if (!result.ok) throw new ActionError(result.error.message, result.error.code);
      return result.data;
    },
  });
  const restore = useMutation({
    mutationFn: async (planToken: string) => {
      const result = await restoreSnapshotAction(ref, target.snapshot.id, planToken);
      if (!result.ok) throw new ActionError(result.error.message, result.error.code);
      return result.data;
    },
    onSuccess: (result) => {
      setStale(false);
      notify.success(`Restored ${result.project.displayName}`, {
        description: `Back to its state at ${formatUtc(new Date(target.snapshot.at))}. The state before was kept as a snapshot.`,
      });
      void client.invalidateQueries({ queryKey: ["history", target.tenantSlug] });
      router.refresh();
    },
    onError: (error) => {
      if (error instanceof ActionError && error.code === "PLAN_STALE") {
        setStale(true);
        restore.reset();
        void plan.refetch();
      }
    },
  });

  const change = (next: boolean) => {
    if (!next) {
      setStale(false);
      restore.reset();
    }
    onOpenChange(next);
  };

  const data = plan.data;
  const done = restore.data;
  return (
    <Dialog open={open} onOpenChange={change}>
      {children}
      <DialogContent className="max-w-2xl" aria-describedby="restore-description">
        <DialogHeader>
          <DialogTitle>Restore the snapshot of {formatUtc(new Date(target.snapshot.at))}</DialogTitle>
          <DialogDescription id="restore-description">
            Brings project {target.projectSlug} back to that state in one transaction, deployed versions included. The
            current state is snapshotted first, so a restore can itself be undone.
          </DialogDescription>
        </DialogHeader>
        {done ? (
          <div className="grid gap-3">
            <Alert variant="success">
              <AlertTitle>Restored</AlertTitle>
              <AlertDescription>
                {done.resultHref ? (
                  <Link href={done.resultHref} className="font-medium underline" onClick={() => change(false)}>
                    Open the restore&apos;s result and checklist
                  </Link>
                ) : (
                  "The project is back to the snapshot's state."
                )}
              </AlertDescription>
            </Alert>
            <DialogFooter>
              <Button onClick={() => change(false)}>Close</Button>
            </DialogFooter>
          </div>
        ) : (
          <div className="grid gap-4">
            {stale && (
              <Alert variant="warning" role="status">
                The project changed since the plan was made, so nothing was restored. This is the new plan: review it
                and restore again.
              </Alert>
            )}
            {plan.isFetching && !data ? (
              <p role="status" className="text-sm text-muted-foreground">
                Planning the restore…
              </p>
            ) : plan.isError ? (
              <Alert variant="destructive">{plan.error.message}</Alert>
            ) : data ? (
              <RestorePlan plan={data} />
            ) : null}
            {restore.isError && !stale && <Alert variant="destructive">{restore.error.message}</Alert>}
            <DialogFooter>
              <Button variant="outline" onClick={() => change(false)}>
                Cancel
              </Button>
              <Button
                variant="destructive"
                disabled={!data || plan.isFetching || restore.isPending}
                onClick={() => data && restore.mutate(data.planToken)}
              >
                {restore.isPending ? "Restoring…" : plan.isFetching && data ? "Planning…" : "Restore"}
              </Button>
            </DialogFooter>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}

function RestorePlan({ plan }: { plan: ImportResult }) {
  const totals = planTotalCounts(plan.plan.sections);
  const removed = plan.plan.sections.flatMap((s) =>
    s.items.filter((i) => i.action === "delete").map((i) => `${s.label}: ${i.key}`),
  );
  return (
    <div className="grid gap-3">
      <p className="text-sm" role="status">
        <span className="font-medium">The plan back:</span> {planCountsText(totals)}.
      </p>
      {!plan.plan.changes && (
        <Alert variant="info">The project is already in this state: restoring changes nothing but the history.</Alert>
      )}
      {removed.length > 0 && (
        <Alert variant="destructive">
          <AlertTitle>Deletes {plural(removed.length, "item")}</AlertTitle>
          <AlertDescription>
            {removed.slice(0, 5).join("; ")}
            {removed.length > 5 ? ` and ${removed.length - 5} more` : ""}.
          </AlertDescription>
        </Alert>
      )}
      <PlanSections plan={plan.plan} open />
      {plan.requiredActions.length > 0 && (
        <p className="text-xs text-muted-foreground">
          Afterwards:{" "}
          {plan.requiredActions
            .slice(0, 3)
            .map((a) => a.message)
            .join(" ")}
          {plan.requiredActions.length > 3 ? ` (${plan.requiredActions.length - 3} more on the result page)` : ""}
        </p>
      )}
    </div>
  );
}
