import type { OptionalSection, SectionKey } from "./sections";
import catalog from "./sections/catalog.json";

// What the browser needs to know about the sections (labels, the export dialog's choices),
// generated from the registry into sections/catalog.json (`npm run docs:schema`; a unit test
// fails on drift) so client bundles never carry the section modules and their SQL.

export interface SectionInfo {
  key: SectionKey;
  label: string;
  hint: string;
  optional: boolean;
  exportDefault: boolean;
}

export const SECTION_CATALOG = catalog as SectionInfo[];
/** Labels for dialogs, summaries and results. */
export const SECTION_LABELS = Object.fromEntries(SECTION_CATALOG.map((s) => [s.key, s.label])) as Record<
  SectionKey,
  string
>;
/** The export dialog's checkboxes. */
export const EXPORT_CHOICES = SECTION_CATALOG.filter((s) => s.optional).map((s) => ({
  key: s.key as OptionalSection,
  label: s.label,
  hint: s.hint,
  default: s.exportDefault,
}));
/** The optional sections' keys, in canonical order. */
export const OPTIONAL_SECTION_KEYS = EXPORT_CHOICES.map((c) => c.key);
