import type { OptionalSection } from "@/lib/bundle/schema";

// Words for the bundle's section keys. Typed against the schema's section list so a new section
// cannot go unlabelled; to be replaced by the section registry's own labels once it exists.
export const SECTION_LABELS: Record<"models" | OptionalSection, string> = {
  models: "Models",
  connections: "Connections",
  llmConfigs: "LLM configs",
  agent: "Agent",
  recipes: "Recipes",
  settings: "Settings",
  accessBindings: "Access bindings",
};

/** What an import result counts besides the bundle's sections. */
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
