import { AlertTriangleIcon } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ImportResult } from "@/lib/import/import-result";
import { resultRows } from "./result-rows";

// The parts of an import's result shown both right after the import (the wizard) and later, on
// its stored result page: warnings, counts per section and what became of each connection.

export function ResultWarnings({ warnings }: { warnings: ImportResult["warnings"] }) {
  if (warnings.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <AlertTriangleIcon className="size-4 text-amber-600" aria-hidden /> Warnings
        </CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="grid list-disc gap-1 pl-5 text-sm" aria-label="Warnings">
          {warnings.map((warning, i) => (
            <li key={i}>{warning.message}</li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

export function ResultSummary({
  result,
  label,
}: {
  result: Pick<ImportResult, "summary" | "connections">;
  label: string;
}) {
  const rows = resultRows(result);
  const mapped = rows.some((row) => row.mapped > 0);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Summary</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        <Table aria-label={label}>
          <TableHeader>
            <TableRow>
              <TableHead>Section</TableHead>
              <TableHead>Created</TableHead>
              <TableHead>Updated</TableHead>
              {mapped && <TableHead>Mapped</TableHead>}
              <TableHead>Skipped</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.section}>
                <TableCell>{row.label}</TableCell>
                <TableCell>{row.created}</TableCell>
                <TableCell>{row.updated}</TableCell>
                {mapped && <TableCell>{row.mapped}</TableCell>}
                <TableCell>{row.skipped}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {result.connections.length > 0 && (
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
        )}
      </CardContent>
    </Card>
  );
}
