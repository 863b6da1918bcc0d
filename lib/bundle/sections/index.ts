import { accessBindings } from "./access-bindings";
import { agent } from "./agent";
import { connections } from "./connections";
import { llmConfigs } from "./llm-configs";
import { models } from "./models";
import { recipes } from "./recipes";
import type { ZodType } from "zod";
import type { BundleSection } from "./section";
import { settings } from "./settings";

// The registry: the only list of bundle sections. Its order is the bundle's canonical order
// (models last, so a reader can summarise the head and export can stream models). Everything that
// lists sections — the bundle schema, canonical form, export, the export dialog, CLI help, the
// planner, the writer, replace's clears, fault steps, result labels, tests and the bench — derives
// from it. A new section is one module and one line here (plus its migration and a fixture).
export const SECTIONS = [connections, llmConfigs, agent, recipes, settings, accessBindings, models] as const;

export type AnySection = (typeof SECTIONS)[number];

/**
 * The registry for code that treats every section alike (consistency checks, counts): items are
 * then `unknown`, handled only through the section's own functions.
 */
export const GENERIC_SECTIONS = SECTIONS as unknown as readonly BundleSection<SectionKey, ZodType, unknown>[];
export type SectionKey = AnySection["key"];
export type OptionalSection = Exclude<SectionKey, "models">;

const optionalSections = SECTIONS.filter((s): s is Exclude<AnySection, typeof models> => s.optional);

/** Optional sections in canonical order (the envelope's `sections` lists the present ones). */
export const OPTIONAL_SECTIONS = optionalSections.map((s) => s.key) as [OptionalSection, ...OptionalSection[]];
/** The export dialog's defaults (SPEC §2). */
export const DEFAULT_SECTIONS: OptionalSection[] = optionalSections.filter((s) => s.exportDefault).map((s) => s.key);
/** The registry's browser-safe facts, as `catalog.json` holds them (see ../section-catalog.ts). */
export function sectionCatalog() {
  return SECTIONS.map((s) => ({
    key: s.key,
    label: s.label,
    hint: s.hint,
    optional: s.optional,
    exportDefault: s.exportDefault,
  }));
}

export function sectionOf(key: SectionKey): AnySection {
  return SECTIONS.find((s) => s.key === key)!;
}

/** The order import writes sections in: the registry order, each after the sections it needs. */
export const WRITE_ORDER: readonly AnySection[] = (() => {
  const ordered: AnySection[] = [];
  const visit = (section: AnySection) => {
    if (ordered.includes(section)) return;
    for (const key of (section as BundleSection).writeAfter ?? []) visit(sectionOf(key as SectionKey));
    ordered.push(section);
  };
  for (const section of SECTIONS) visit(section);
  return ordered;
})();

/** Every step an import passes through, for fault injection: the project, each section's steps, the audit event. */
export const IMPORT_WRITE_STEPS = ["project", ...WRITE_ORDER.flatMap((s) => s.faultSteps), "audit"] as const;

export { accessBindings, agent, connections, llmConfigs, models, recipes, settings };
