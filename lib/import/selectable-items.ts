import { GENERIC_SECTIONS, type SectionKey } from "@/lib/bundle/sections";
import type { Bundle } from "@/lib/bundle/schema";
import { selectionKey } from "./select-items";

// What a bundle offers for selection (SPEC §11), section by section, under exactly the keys the
// planner selects by. The wizard's bundle worker computes it once per file. Pure.

export interface SelectableSection {
  section: SectionKey;
  /** The items' selection keys, in the bundle's (canonical) order. */
  keys: string[];
}

/** Every section the bundle holds, in registry order, with its items' selection keys. */
export function selectableItems(bundle: Bundle): SelectableSection[] {
  return GENERIC_SECTIONS.filter((s) => bundle[s.key as keyof Bundle] !== undefined).map((s) => ({
    section: s.key,
    keys: s.items(bundle[s.key as keyof Bundle] as never).map((item) => selectionKey(s.key, item)),
  }));
}
