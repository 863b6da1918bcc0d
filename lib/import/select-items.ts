import { GENERIC_SECTIONS, type SectionKey } from "@/lib/bundle/sections";
import type { Bundle } from "@/lib/bundle/schema";
import { AppError, type ErrorDetail } from "@/lib/errors";
import type { ImportOptions } from "./import-options";

// Item selection (SPEC §11): `select: { <section>: { include?: [keys], exclude?: [keys] } }`.
// Keys are the bundle's natural keys as exported (before any model rename): model slugs, setting
// keys, LLM config and connection names, recipe slugs, "agent", and for access bindings the
// user's e-mail (a project binding) or "email#model" (a model binding). Selecting models pulls the
// connections they use; references to unselected models are checked by the planner. Pure.

/** The key an item is selected by (the plan lists items under the same key). */
export function selectionKey(section: SectionKey, item: unknown): string {
  if (section === "accessBindings") {
    const binding = item as { user: string; model: string | null };
    return binding.model ? `${binding.user.toLowerCase()}#${binding.model}` : binding.user.toLowerCase();
  }
  return GENERIC_SECTIONS.find((s) => s.key === section)!.keyOf(item);
}

export function hasSelection(options: Pick<ImportOptions, "select">): boolean {
  return Object.values(options.select ?? {}).some((s) => s.include !== undefined || s.exclude !== undefined);
}

/** The bundle reduced to the selected items, with the connections the selected models use pulled back in. */
export function selectItems(bundle: Bundle, select: ImportOptions["select"]): Bundle {
  if (!select) return bundle;
  const problems: ErrorDetail[] = [];
  for (const key of Object.keys(select)) {
    if (!GENERIC_SECTIONS.some((s) => s.key === key))
      problems.push({ path: `select.${key}`, reason: `there is no section "${key}"` });
  }
  const selected: Record<string, unknown> = { ...bundle };
  for (const section of GENERIC_SECTIONS) {
    const choice = select[section.key];
    const value = bundle[section.key as keyof Bundle];
    if (!choice || (choice.include === undefined && choice.exclude === undefined)) continue;
    if (value === undefined) {
      problems.push({ path: `select.${section.key}`, reason: `the bundle has no ${section.label} section` });
      continue;
    }
    const items = section.items(value);
    const keys = new Set(items.map((item) => selectionKey(section.key, item)));
    for (const [list, names] of [
      ["include", choice.include],
      ["exclude", choice.exclude],
    ] as const) {
      (names ?? []).forEach((name, i) => {
        if (!keys.has(name))
          problems.push({
            path: `select.${section.key}.${list}.${i}`,
            reason: `the bundle has no ${section.keyName} "${name}"`,
          });
      });
    }
    const include = choice.include ? new Set(choice.include) : null;
    const exclude = new Set(choice.exclude ?? []);
    const kept = items.filter((item) => {
      const key = selectionKey(section.key, item);
      return (include === null || include.has(key)) && !exclude.has(key);
    });
    selected[section.key] = section.key === "agent" ? (kept[0] ?? null) : kept;
  }
  if (problems.length > 0)
    throw new AppError(
      "INVALID_OPTIONS",
      `The selection names what the bundle does not have: ${problems[0]!.reason}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}.`,
      problems.slice(0, 50),
    );

  const result = selected as Bundle;
  if (bundle.connections && result.connections) {
    // Selecting a model pulls the connection it uses.
    const needed = new Set(result.models.map((m) => m.connection).filter((c): c is string => c !== null));
    const have = new Set(result.connections.map((c) => c.name));
    const pulled = bundle.connections.filter((c) => needed.has(c.name) && !have.has(c.name));
    if (pulled.length > 0)
      result.connections = bundle.connections.filter((c) => have.has(c.name) || needed.has(c.name));
  }
  return result;
}
