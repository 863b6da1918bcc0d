"use client";

import { AlertTriangleIcon, ListChecksIcon } from "lucide-react";
import Link from "next/link";
import { DeployAllButton } from "@/components/models/deploy-all-button";
import { RefreshProjectButton } from "@/components/models/refresh-button";
import { resultRows } from "@/components/import/result-rows";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
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
  const rows = resultRows(result);
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

      {result.warnings.length > 0 && (
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <AlertTriangleIcon className="size-4 text-amber-600" aria-hidden /> Warnings
            </CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="grid list-disc gap-1 pl-5 text-sm" aria-label="Warnings">
              {result.warnings.map((warning, i) => (
                <li key={i}>{warning.message}</li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}

      <Card>
        <CardHeader>
          <CardTitle>Summary</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3">
          <Table aria-label="Summary">
            <TableHeader>
              <TableRow>
                <TableHead>Section</TableHead>
                <TableHead>Created</TableHead>
                <TableHead>Updated</TableHead>
                <TableHead>Mapped</TableHead>
                <TableHead>Skipped</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.section}>
                  <TableCell>{row.label}</TableCell>
                  <TableCell>{row.created}</TableCell>
                  <TableCell>{row.updated}</TableCell>
                  <TableCell>{row.mapped}</TableCell>
                  <TableCell>{row.skipped}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {result.connections.length > 0 && (
            <div className="grid gap-1">
              <h3 className="text-sm font-medium">Connections</h3>
              <ul className="grid gap-1 text-sm" aria-label="Connections">
                {result.connections.map((c) => (
                  <li key={c.exportedName}>
                    <span className="font-medium">{c.exportedName}</span> →{" "}
                    {c.action === "map"
                      ? `mapped to ${c.targetName}`
                      : c.action === "create"
                        ? `created as ${c.targetName}`
                        : `created as ${c.targetName} (pending credentials)`}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </CardContent>
      </Card>

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
