"use client";

import Link from "next/link";
import { EmptyState } from "@/components/shared/empty-state";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { HistoryEntry } from "@/lib/history/history";
import { actionWords, countsText, sourceText, warningsText } from "@/lib/history/history-labels";
import type { HistoryPageWithSnapshots } from "@/lib/history/mark-kept-snapshots";
import { formatUtc } from "@/lib/utils";
import { SnapshotActions } from "./snapshot-actions";
import { useHistory, type HistoryScope } from "./use-history";

/**
 * The History table (SPEC §12): exports, imports, snapshots and restores, newest first, a page at
 * a time. An import or restore links to its stored result; a snapshot still kept offers Download
 * and, for tenant admins, Restore….
 */
export function HistoryTable({
  scope,
  first,
  tenantAdmin,
}: {
  scope: HistoryScope;
  first: HistoryPageWithSnapshots;
  /** Restore and credentials in downloads are a tenant admin's. */
  tenantAdmin: boolean;
}) {
  const history = useHistory(scope, first);
  const pages = history.data.pages;
  const entries = pages.flatMap((p) => p.entries);
  const kept = new Set(pages.flatMap((p) => p.keptSnapshots));
  const showProject = scope.projectSlug === undefined;

  if (entries.length === 0)
    return (
      <EmptyState>
        Nothing here yet. Exports, imports, the snapshots taken before each import, and restores will be listed here.
      </EmptyState>
    );

  return (
    <div className="grid gap-3">
      <Table aria-label={showProject ? "Tenant history" : "Project history"} className="min-w-[48rem]">
        <TableHeader>
          <TableRow>
            <TableHead>When (UTC)</TableHead>
            {showProject && <TableHead>Project</TableHead>}
            <TableHead>What</TableHead>
            <TableHead>Who</TableHead>
            <TableHead>Source</TableHead>
            <TableHead>Counts and warnings</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell className="whitespace-nowrap tabular-nums">{formatUtc(new Date(entry.at))}</TableCell>
              {showProject && (
                <TableCell className="whitespace-nowrap">
                  <Link href={`/t/${scope.tenantSlug}/p/${entry.project}`} className="text-primary hover:underline">
                    {entry.project}
                  </Link>
                </TableCell>
              )}
              <TableCell className="min-w-36">
                <WhatCell entry={entry} />
              </TableCell>
              <TableCell className="whitespace-nowrap">{entry.actor}</TableCell>
              <TableCell className="text-xs text-muted-foreground">{sourceText(entry.source) ?? "—"}</TableCell>
              <TableCell className="min-w-40 text-xs">
                <div>{countsText(entry) || "—"}</div>
                {entry.warnings ? (
                  <Badge variant="warning" className="mt-1">
                    {warningsText(entry.warnings)}
                  </Badge>
                ) : null}
              </TableCell>
              <TableCell className="text-right">
                {entry.action === "project.snapshot" &&
                  entry.snapshotId &&
                  (kept.has(entry.snapshotId) ? (
                    <SnapshotActions
                      projectRef={{ tenantSlug: scope.tenantSlug, projectSlug: entry.project }}
                      snapshot={{ id: entry.snapshotId, at: entry.at }}
                      tenantAdmin={tenantAdmin}
                    />
                  ) : (
                    <span className="text-xs text-muted-foreground">pruned</span>
                  ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {history.isFetchNextPageError && <Alert variant="destructive">{history.error?.message}</Alert>}
      {history.hasNextPage && (
        <div>
          <Button
            variant="outline"
            size="sm"
            disabled={history.isFetchingNextPage}
            onClick={() => history.fetchNextPage()}
          >
            {history.isFetchingNextPage ? "Loading older entries…" : "Load older"}
          </Button>
        </div>
      )}
    </div>
  );
}

function WhatCell({ entry }: { entry: HistoryEntry }) {
  const words = actionWords(entry);
  const failed = entry.outcome === "failed";
  return (
    <div className="grid gap-0.5">
      {entry.resultHref && !failed ? (
        <Link href={entry.resultHref} className="font-medium text-primary hover:underline">
          {words}
        </Link>
      ) : (
        <span className={failed ? "font-medium text-red-700 dark:text-red-300" : "font-medium"}>{words}</span>
      )}
      {entry.resultHref && !failed && <span className="text-xs text-muted-foreground">result and checklist</span>}
    </div>
  );
}
