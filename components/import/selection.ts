import type { ImportOptions, SectionSelection } from "@/lib/import/import-options";

// The wizard's item checkboxes ↔ the options' `select` (SPEC §11). The form keeps `select` itself;
// these say which boxes are checked and write the shortest list that means the same. Pure.

type Select = NonNullable<ImportOptions["select"]>;

/** Whether an item is selected: in `include` when there is one, and not in `exclude`. */
export function isSelected(choice: SectionSelection | undefined, key: string): boolean {
  if (!choice) return true;
  return (choice.include === undefined || choice.include.includes(key)) && !(choice.exclude ?? []).includes(key);
}

/** The section's keys that are not selected. */
export function uncheckedKeys(keys: readonly string[], choice: SectionSelection | undefined): Set<string> {
  if (!choice) return new Set();
  const include = choice.include ? new Set(choice.include) : null;
  const exclude = new Set(choice.exclude ?? []);
  return new Set(keys.filter((key) => (include !== null && !include.has(key)) || exclude.has(key)));
}

/** One section's choice: none when every item is checked, else the shorter of include and exclude. */
export function sectionChoice(keys: readonly string[], unchecked: ReadonlySet<string>): SectionSelection | undefined {
  const left = keys.filter((key) => unchecked.has(key));
  if (left.length === 0) return undefined;
  const kept = keys.filter((key) => !unchecked.has(key));
  return kept.length < left.length ? { include: kept } : { exclude: left };
}

/** `select` with one section's checkboxes applied; undefined once every item is checked again. */
export function withSectionChoice(
  select: ImportOptions["select"],
  section: string,
  keys: readonly string[],
  unchecked: ReadonlySet<string>,
): ImportOptions["select"] {
  const next: Select = { ...select };
  const choice = sectionChoice(keys, unchecked);
  if (choice) next[section] = choice;
  else delete next[section];
  return Object.keys(next).length > 0 ? next : undefined;
}

/** The section-level box: checked, unchecked, or mixed. */
export function sectionState(keys: readonly string[], unchecked: ReadonlySet<string>): boolean | "indeterminate" {
  if (unchecked.size === 0) return true;
  return unchecked.size >= keys.length ? false : "indeterminate";
}
