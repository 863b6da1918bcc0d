"use client";

import { ListChecksIcon } from "lucide-react";
import Link from "next/link";
import { DeployAllButton } from "@/components/models/deploy-all-button";
import { RefreshProjectButton } from "@/components/models/refresh-button";
import { ResultSummary, ResultWarnings } from "@/components/import/result-cards";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { StoredImport } from "@/lib/history/history";
import { planCountsText, planTotalCounts, sourceText } from "@/lib/history/history-labels";
import { formatUtc, plural } from "@/lib/utils";
import { ImportChecklist } from "./import-checklist";
import { PlanSections } from "./plan-sections";
import { useStoredImport, type StoredImportRef } from "./use-stored-import";

/**
 * An import's (or restore's) stored result (SPEC §12): its real checklist with Deploy all and
 * Refresh all, the warnings, the counts and connections, and the plan it applied.
 */
export function StoredImportView({ target, first, me }: { target: StoredImportRef; first: StoredImport; me: string }) {
  const { query, refetch } = useStoredImport(target, first);
  const stored = query.data;
  const { result } = stored;
  const toDeploy = stored.checklist.flatMap((item) =>
    item.kind === "deploy-model" && item.subject && "model" in item.subject && item.subject.version
      ? [{ model: item.subject.model, version: item.subject.version }]
      : [],
  );
  const source = sourceText(stored.source);
  const open = stored.checklist.filter((item) => item.done === null).length;
  return (
    <div className="grid gap-4">
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-muted-foreground">When</dt>
        <dd>{formatUtc(new Date(stored.at))}</dd>
        <dt className="text-muted-foreground">Who</dt>
        <dd className="break-all">{stored.actor}</dd>
        {source && (
          <>
            <dt className="text-muted-foreground">Source</dt>
            <dd className="break-words">{source}</dd>
          </>
        )}
        <dt className="text-muted-foreground">Snapshot before</dt>
        <dd>
          {stored.snapshotId ? (
            <>
              kept —{" "}
              <Link
                href={`/t/${target.tenantSlug}/p/${target.projectSlug}/history`}
                className="text-primary hover:underline"
              >
                restore it from History
              </Link>
            </>
          ) : (
            "none (a new project)"
          )}
        </dd>
      </dl>

      <Card>
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
          <div className="grid gap-1">
            <CardTitle className="flex items-center gap-2">
              <ListChecksIcon className="size-4" aria-hidden /> Required actions
            </CardTitle>
            <CardDescription aria-live="polite">
              {stored.checklist.length === 0
                ? "Nothing to do."
                : open === 0
                  ? "All done."
                  : `${plural(open, "item")} left of ${stored.checklist.length}.`}
            </CardDescription>
          </div>
          <div className="flex flex-wrap gap-2">
            {toDeploy.length > 0 && (
              <DeployAllButton
                tenantSlug={target.tenantSlug}
                projectSlug={target.projectSlug}
                importId={stored.id}
                models={toDeploy}
                onDeployed={refetch}
              />
            )}
            <RefreshProjectButton
              tenantSlug={target.tenantSlug}
              projectSlug={target.projectSlug}
              onRefreshed={refetch}
            />
          </div>
        </CardHeader>
        <CardContent>
          <ImportChecklist target={target} items={stored.checklist} me={me} />
        </CardContent>
      </Card>

      <ResultWarnings warnings={result.warnings} />
      <ResultSummary result={result} label="Summary" />

      <Card>
        <CardHeader>
          <CardTitle>What changed</CardTitle>
          <CardDescription>
            {planCountsText(planTotalCounts(result.plan.sections))}. Open a section for its items.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <PlanSections plan={result.plan} />
        </CardContent>
      </Card>
    </div>
  );
}
