"use client";

import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ConnectionMappingEntry } from "@/lib/import/import-options";
import type { BundleSummary } from "@/lib/import/summarize-bundle";
import type { TargetConnection } from "@/lib/import/plan-import";
import { useProgressiveCount } from "./use-progressive-count";

const ROWS_PER_COMMIT = 5;

/** One row per exported connection: create it, map it onto an existing one of its type, or create it pending. */
export function ConnectionMappingTable({
  connections,
  value,
  onChange,
  problems,
  tenantConnections,
}: {
  connections: BundleSummary["connections"];
  value: Record<string, ConnectionMappingEntry>;
  onChange: (name: string, entry: ConnectionMappingEntry) => void;
  /** What is wrong with each row (the planner's words, or the form's), once the user should see it. */
  problems: Record<string, string | undefined>;
  tenantConnections: TargetConnection[];
}) {
  const id = useId();
  const shown = useProgressiveCount(connections.length, ROWS_PER_COMMIT);
  // Below the sm breakpoint each row stacks into a card (the header stays for screen readers):
  // three columns do not fit a phone's width.
  return (
    <Table className="max-sm:block">
      <TableHeader className="max-sm:sr-only">
        <TableRow>
          <TableHead>Exported connection</TableHead>
          <TableHead>Bring it in as</TableHead>
          <TableHead>Target</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody className="max-sm:block">
        {connections.slice(0, shown).map((connection, index) => {
          const row = value[connection.name] ?? { action: "pending", name: connection.name };
          const hasCredentials = connection.credentials === "encrypted";
          const candidates = tenantConnections.filter((c) => c.type === connection.type);
          const mapped = row.action === "map" ? tenantConnections.find((c) => c.name === row.target) : undefined;
          const problem = problems[connection.name];
          const problemId = `${id}-${index}-problem`;
          const invalid = problem ? { "aria-invalid": true, "aria-describedby": problemId } : {};
          const update = (patch: Partial<ConnectionMappingEntry>) => onChange(connection.name, { ...row, ...patch });
          return (
            <TableRow key={connection.name} className="align-top max-sm:grid max-sm:gap-2 max-sm:py-3">
              <TableCell className={STACKED}>
                <div className="font-medium">{connection.name}</div>
                <div className="flex gap-1 pt-1">
                  <Badge variant="outline">{connection.type}</Badge>
                  {hasCredentials ? (
                    <Badge variant="success">credentials in bundle</Badge>
                  ) : (
                    <Badge variant="secondary">no credentials</Badge>
                  )}
                </div>
              </TableCell>
              <TableCell className={`sm:w-64 ${STACKED}`}>
                <span aria-hidden className="block pb-1 text-xs text-muted-foreground sm:hidden">
                  Bring it in as
                </span>
                <NativeSelect
                  aria-label={`Action for ${connection.name}`}
                  value={row.action}
                  onChange={(event) => update({ action: event.target.value as ConnectionMappingEntry["action"] })}
                >
                  <option value="create" disabled={!hasCredentials}>
                    Create new{hasCredentials ? "" : " (needs credentials in the bundle)"}
                  </option>
                  <option value="map" disabled={candidates.length === 0}>
                    Map to existing {connection.type}
                    {candidates.length === 0 ? ` (this tenant has no ${connection.type} connection)` : ""}
                  </option>
                  <option value="pending">Create, pending credentials</option>
                </NativeSelect>
              </TableCell>
              <TableCell className={`sm:w-72 ${STACKED}`}>
                <span aria-hidden className="block pb-1 text-xs text-muted-foreground sm:hidden">
                  Target
                </span>
                {row.action === "map" ? (
                  <>
                    <NativeSelect
                      aria-label={`Existing connection for ${connection.name}`}
                      value={row.target ?? ""}
                      onChange={(event) => update({ target: event.target.value || undefined })}
                      {...invalid}
                    >
                      <option value="">Choose a {connection.type} connection…</option>
                      {candidates.map((c) => (
                        <option key={c.name} value={c.name}>
                          {c.name}
                        </option>
                      ))}
                    </NativeSelect>
                    {mapped && (
                      <p className="pt-1 text-xs text-muted-foreground">
                        {mapped.projects.length > 0
                          ? `Used by: ${mapped.projects.join(", ")}`
                          : "Not used by any project yet"}
                      </p>
                    )}
                  </>
                ) : (
                  <>
                    <Input
                      aria-label={`New name for ${connection.name}`}
                      value={row.name ?? ""}
                      onChange={(event) => update({ name: event.target.value })}
                      {...invalid}
                    />
                    <p className="pt-1 text-xs text-muted-foreground">
                      {row.action === "create"
                        ? "A new tenant connection with the bundle's credentials."
                        : "A new tenant connection; enter its secret later."}
                    </p>
                  </>
                )}
                {problem && (
                  <p id={problemId} className="pt-1 text-xs text-destructive">
                    {problem}
                  </p>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

const STACKED = "max-sm:block max-sm:py-0";
