import { CheckCircle2Icon, ListChecksIcon } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ImportResult } from "@/lib/import/import-result";
import { referenceNote } from "@/lib/projects/reference";
import { ResultSummary, ResultWarnings } from "./result-cards";

/** What the import did, what to watch out for, and the checklist of what to do next. */
export function ImportResultView({ result }: { result: ImportResult }) {
  return (
    <div className="grid gap-4">
      <Alert variant="success">
        <AlertTitle className="flex items-center gap-2">
          <CheckCircle2Icon className="size-4" />
          {resultTitle(result)}
        </AlertTitle>
        <AlertDescription>
          <Link href={result.project.href} className="font-medium underline">
            {result.project.displayName} ({result.project.tenant}/{result.project.slug})
          </Link>{" "}
          is ready. Its models are not deployed yet: work through the checklist below.
          {result.reference && <span className="mt-1 block">{sentence(referenceNote(result.reference))}</span>}
        </AlertDescription>
      </Alert>
      {(result.resultHref || result.snapshot) && (
        <p className="text-sm">
          {result.resultHref && (
            <>
              Open this result later:{" "}
              <Link href={result.resultHref} className="font-medium text-primary underline">
                result and checklist
              </Link>
              .{" "}
            </>
          )}
          {result.snapshot && (
            <>
              A snapshot of the previous state was kept:{" "}
              <Link href={`${result.project.href}/history`} className="font-medium text-primary underline">
                Restore from History
              </Link>
              .
            </>
          )}
        </p>
      )}

      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <ListChecksIcon className="size-4" /> Required actions
          </CardTitle>
        </CardHeader>
        <CardContent>
          <ul className="grid gap-1.5" aria-label="Required actions">
            {result.requiredActions.map((action, i) => (
              <li key={i} className="flex items-start gap-2 text-sm">
                <span aria-hidden className="mt-0.5 size-4 shrink-0 rounded border" />
                <Link href={action.href} className="text-primary hover:underline">
                  {action.message}
                </Link>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>

      <ResultWarnings warnings={result.warnings} />
      <ResultSummary result={result} label="Import summary" />
    </div>
  );
}

/** The result's headline, by what the import did. */
export function resultTitle(result: Pick<ImportResult, "scope" | "mode" | "project">): string {
  if (result.scope === "model")
    return result.mode === "merge"
      ? `Models merged into “${result.project.displayName}”`
      : result.mode === "skip-existing"
        ? `Missing models imported into “${result.project.displayName}”`
        : "Model imported";
  if (result.mode === "replace") return "Project replaced";
  if (result.mode === "merge") return `Merged into “${result.project.displayName}”`;
  if (result.mode === "skip-existing") return `Imported missing items into “${result.project.displayName}”`;
  return "Project imported";
}

/** "imported as a reference of …" → "Imported as a reference of …." */
const sentence = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}.`;
