import { KeyRoundIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { BundleSummary } from "@/lib/import/summarize-bundle";
import { formatUtc } from "@/lib/utils";
import { plural, sectionLabel } from "./section-labels";

export function BundleSummaryCard({ summary, fileName }: { summary: BundleSummary; fileName: string }) {
  const exportedAt = summary.source.exportedAt
    ? formatUtc(new Date(summary.source.exportedAt))
    : "not recorded (stable export)";
  return (
    <Card aria-label="Bundle summary">
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          {summary.project.displayName}
          <span className="text-sm font-normal text-muted-foreground">{summary.project.slug}</span>
          {summary.scope === "model" && <Badge variant="info">model bundle</Badge>}
          {summary.credentialsIncluded ? (
            <Badge variant="warning">
              <KeyRoundIcon className="mr-1 size-3" /> credentials included (encrypted)
            </Badge>
          ) : (
            <Badge variant="secondary">no credentials</Badge>
          )}
        </CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-muted-foreground">File</dt>
          <dd className="font-mono text-xs leading-5">{fileName}</dd>
          <dt className="text-muted-foreground">Models</dt>
          <dd>
            {plural(summary.counts.models, "model")}, {plural(summary.counts.versions, "version")}
          </dd>
          <dt className="text-muted-foreground">Sections</dt>
          <dd>{summary.sections.map(sectionLabel).join(", ")}</dd>
          <dt className="text-muted-foreground">Source</dt>
          <dd>
            tenant {summary.source.tenant} on {summary.source.instance}, by {summary.source.exportedBy}
          </dd>
          <dt className="text-muted-foreground">Exported</dt>
          <dd>{exportedAt}</dd>
        </dl>
      </CardContent>
    </Card>
  );
}
