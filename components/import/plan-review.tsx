"use client";

import { useRef, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ImportResult } from "@/lib/import/import-result";
import { planTotals } from "@/lib/import/render-plan";
import { ErrorDetails } from "./error-details";
import { ReplaceConfirmation } from "./replace-confirmation";
import type { WizardError } from "./plan-in-browser";
import {
  ACTION_LABELS,
  hasDetails,
  replaceSummary,
  reviewSections,
  type ReviewItem,
  type ReviewSection,
} from "./review-rows";

/** Items shown per section before "Show all": a plan of 2,000 settings stays quick to render. */
const FIRST_ITEMS = 50;

/**
 * The Review changes step (SPEC §11): what the import will change, from the server's plan — counts
 * per section and action, each item expandable to its changed paths, deletions in red and in words.
 */
export function PlanReview({
  plan,
  pending,
  error,
  stale,
  replacing,
  onBack,
  onRetry,
  onImport,
}: {
  plan: ImportResult | undefined;
  pending: boolean;
  error: WizardError | null;
  /** The import was refused because the target changed: this is the re-made plan. */
  stale: boolean;
  /** Replace mode: the import asks for confirmation first, naming what it deletes. */
  replacing?: { isModel: boolean; name: string | undefined };
  onBack: () => void;
  onRetry: () => void;
  onImport: () => void;
}) {
  const importButton = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  if (pending)
    return (
      <p role="status" aria-live="polite" className="text-sm text-muted-foreground">
        Planning the import…
      </p>
    );
  if (error || !plan)
    return (
      <div className="grid gap-3">
        {error && <ErrorDetails error={error} />}
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" onClick={onBack}>
            Back to options
          </Button>
          <Button onClick={onRetry}>Try again</Button>
        </div>
      </div>
    );
  const sections = reviewSections(plan.plan);
  return (
    <div className="grid gap-4">
      {stale && (
        <Alert variant="warning">
          <AlertTitle>The plan changed</AlertTitle>
          <AlertDescription>
            The project changed since you reviewed the plan; here is the updated plan. Nothing was imported.
          </AlertDescription>
        </Alert>
      )}
      <p className="text-sm">
        {plan.plan.changes ? planTotals(plan.plan) : "Nothing would change: the target already matches the bundle."}
      </p>
      {plan.warnings.length > 0 && (
        <ul aria-label="Plan warnings" className="grid list-disc gap-1 pl-5 text-sm text-amber-800 dark:text-amber-200">
          {plan.warnings.map((warning, i) => (
            <li key={i}>{warning.message}</li>
          ))}
        </ul>
      )}
      {sections.map((section) => (
        <PlanSectionView key={section.key} section={section} />
      ))}
      <div className="flex flex-wrap gap-2">
        <Button variant="outline" onClick={onBack}>
          Back to options
        </Button>
        <Button ref={importButton} onClick={() => (replacing ? setConfirming(true) : onImport())}>
          Import
        </Button>
      </div>
      {replacing && (
        <ReplaceConfirmation
          open={confirming}
          isModel={replacing.isModel}
          name={replacing.name}
          summary={replaceSummary(plan.plan)}
          opener={importButton}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            onImport();
          }}
        />
      )}
    </div>
  );
}

function PlanSectionView({ section }: { section: ReviewSection }) {
  const [all, setAll] = useState(false);
  const items = all ? section.items : section.items.slice(0, FIRST_ITEMS);
  const headingId = `plan-${section.key}`;
  return (
    <section aria-labelledby={headingId} className="grid gap-2 rounded-md border p-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 id={headingId} className="text-sm font-semibold">
          {section.label}
        </h3>
        <ul aria-label={`${section.label}: counts`} className="flex flex-wrap gap-1">
          {section.counts.map((c) => (
            <li key={c.action}>
              <Badge variant={c.destructive ? "danger" : c.action === "unchanged" ? "secondary" : "outline"}>
                {c.count.toLocaleString("en")} {ACTION_LABELS[c.action].toLowerCase()}
              </Badge>
            </li>
          ))}
        </ul>
      </div>
      <ul aria-label={`${section.label}: items`} className="grid gap-1">
        {items.map((item) => (
          <li key={item.key}>
            <PlanItemView item={item} />
          </li>
        ))}
      </ul>
      {!all && section.items.length > FIRST_ITEMS && (
        <div>
          <Button variant="link" size="sm" className="px-0" onClick={() => setAll(true)}>
            Show all {section.items.length.toLocaleString("en")} items
          </Button>
        </div>
      )}
    </section>
  );
}

function ItemLine({ item }: { item: ReviewItem }) {
  return (
    <span
      className={`inline-flex min-w-0 flex-wrap items-baseline gap-x-2 ${item.destructive ? "text-destructive" : ""}`}
    >
      <span className="text-xs font-semibold uppercase tracking-wide">{ACTION_LABELS[item.action]}</span>
      <span className="font-mono text-xs break-all">{item.key}</span>
      {item.note && <span className="text-xs text-muted-foreground">({item.note})</span>}
    </span>
  );
}

function PlanItemView({ item }: { item: ReviewItem }) {
  if (!hasDetails(item))
    return (
      <div className="px-2 py-0.5">
        <ItemLine item={item} />
      </div>
    );
  return (
    <details className="rounded px-2 py-0.5 open:bg-muted/50">
      <summary className="cursor-pointer">
        <ItemLine item={item} />
      </summary>
      <div className="grid gap-1 py-2 pl-4 text-xs">
        {item.versions.map((line) => (
          <p key={line}>{line}</p>
        ))}
        {item.changes.length > 0 && (
          <dl className="grid gap-1">
            {item.changes.map((change) => (
              <div key={change.path} className="grid gap-x-2 sm:grid-cols-[minmax(8rem,auto)_1fr]">
                <dt className="font-mono break-all">{change.path}</dt>
                <dd className="font-mono break-all">
                  {change.before !== undefined && change.after !== undefined ? (
                    <>
                      <del className="text-destructive">{change.before}</del>
                      <span aria-hidden> → </span>
                      <span className="sr-only"> becomes </span>
                      <ins className="no-underline">{change.after}</ins>
                    </>
                  ) : change.after !== undefined ? (
                    <>
                      <ins className="no-underline">{change.after}</ins> (added)
                    </>
                  ) : (
                    <>
                      <del className="text-destructive">{change.before}</del> (removed)
                    </>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        )}
        {item.more > 0 && <p>… and {item.more.toLocaleString("en")} more changed paths</p>}
      </div>
    </details>
  );
}
