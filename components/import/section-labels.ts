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

/** A section's items in running text: "2 models", "1 setting", "1 LLM config", "the agent configuration". */
export function sectionNoun(key: string, count: number): string {
  const label = sectionLabel(key);
  // Keep acronyms ("LLM configs"); lower-case a plain first word ("Models" → "models").
  const words = /^[A-Z][a-z]/.test(label) ? `${label.charAt(0).toLowerCase()}${label.slice(1)}` : label;
  const one = words.endsWith("s") ? words.slice(0, -1) : words;
  return count === 1 ? one : `${one}s`;
}
