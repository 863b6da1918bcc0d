import { SECTION_LABELS } from "@/lib/bundle/section-catalog";

// Words for section keys: the registry's labels, plus what an import result counts besides the
// bundle's sections.
export const RESULT_LABELS: Record<string, string> = {
  ...SECTION_LABELS,
  project: "Project",
  versions: "Model versions",
  aggregates: "Aggregates",
  pockets: "Pockets",
  users: "Users",
};

export function sectionLabel(key: string): string {
  return RESULT_LABELS[key] ?? key;
}

/** "1 model", "2 models". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}
