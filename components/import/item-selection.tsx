"use client";

import { useId, useState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import type { ImportOptions } from "@/lib/import/import-options";
import type { SelectableSection } from "@/lib/import/selectable-items";
import { ErrorDetails } from "./error-details";
import type { WizardError } from "./plan-in-browser";
import { plural, sectionLabel, sectionNoun } from "./section-labels";
import { sectionState, uncheckedKeys, withSectionChoice } from "./selection";

/**
 * Per section, the bundle's items with checkboxes, all checked at first (SPEC §11). Connections are
 * not listed: the models that use them pull them in, and their rows are decided in the mapping table.
 */
export function ItemSelection({
  selectable,
  value,
  onChange,
  problem,
}: {
  selectable: SelectableSection[];
  value: ImportOptions["select"];
  onChange: (select: ImportOptions["select"]) => void;
  /** The planner's DANGLING_REFERENCE for the current selection: what to add. */
  problem?: WizardError;
}) {
  const sections = selectable.filter((s) => s.section !== "connections" && s.keys.length > 0);
  if (sections.length === 0) return null;
  return (
    <section aria-labelledby="selection-heading" className="grid gap-2">
      <h3 id="selection-heading" className="text-base font-semibold">
        Items to import
      </h3>
      <p className="text-xs text-muted-foreground">
        Everything in the bundle is selected. Unchecked items are left out of the import.
      </p>
      {problem && <ErrorDetails error={problem} />}
      <ul className="grid gap-2">
        {sections.map(({ section, keys }) => (
          <SectionItems
            key={section}
            section={section}
            keys={keys}
            unchecked={uncheckedKeys(keys, value?.[section])}
            onChange={(unchecked) => onChange(withSectionChoice(value, section, keys, unchecked))}
          />
        ))}
      </ul>
    </section>
  );
}

function SectionItems({
  section,
  keys,
  unchecked,
  onChange,
}: {
  section: string;
  keys: string[];
  unchecked: ReadonlySet<string>;
  onChange: (unchecked: Set<string>) => void;
}) {
  const id = useId();
  // Large sections (thousands of settings) render their rows only once opened.
  const [open, setOpen] = useState(false);
  const label = sectionLabel(section);
  const state = sectionState(keys, unchecked);
  const toggle = (key: string, checked: boolean) => {
    const next = new Set(unchecked);
    if (checked) next.delete(key);
    else next.add(key);
    onChange(next);
  };
  return (
    <li className="rounded-md border p-3">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Checkbox
          id={`${id}-all`}
          checked={state}
          onCheckedChange={() => onChange(state === true ? new Set(keys) : new Set())}
        />
        <Label htmlFor={`${id}-all`}>{label}</Label>
        <span className="text-xs text-muted-foreground">
          {keys.length - unchecked.size} of {plural(keys.length, "item")} selected
        </span>
      </div>
      <details className="mt-2" onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="cursor-pointer text-xs text-primary">Choose {sectionNoun(section, keys.length)}</summary>
        {open && (
          <ul className="mt-2 grid max-h-64 gap-1 overflow-y-auto sm:grid-cols-2">
            {keys.map((key, i) => (
              <li key={key} className="flex min-w-0 items-center gap-2">
                <Checkbox
                  id={`${id}-${i}`}
                  checked={!unchecked.has(key)}
                  onCheckedChange={(checked) => toggle(key, checked === true)}
                />
                <Label htmlFor={`${id}-${i}`} className="min-w-0 font-mono text-xs font-normal break-all">
                  {key}
                </Label>
              </li>
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}
