import "server-only";
import { db } from "@/lib/db";
import { isPlainObject } from "@/lib/validations/json";

export interface AgentConfigView {
  persona: string;
  rubrics: { name: string; criteria: string; weight: number }[];
  modelContexts: { model: string; context: string }[];
  webhookUrl: string | null;
}

/** The project's agent config, or null when none was saved yet. */
export async function getAgentConfig(options: { projectId: string }): Promise<AgentConfigView | null> {
  const config = await db.agentConfig.findUnique({
    where: { projectId: options.projectId },
    select: { persona: true, rubrics: true, modelContexts: true, webhookUrl: true },
  });
  if (!config) return null;
  // Imported rows may carry extra keys or odd types; show what fits the form's shape.
  const objects = (value: unknown) => (Array.isArray(value) ? value.filter(isPlainObject) : []);
  return {
    persona: config.persona,
    rubrics: objects(config.rubrics).map((r) => ({
      name: String(r.name ?? ""),
      criteria: String(r.criteria ?? ""),
      weight: typeof r.weight === "number" ? r.weight : 0,
    })),
    modelContexts: objects(config.modelContexts).map((c) => ({
      model: String(c.model ?? ""),
      context: String(c.context ?? ""),
    })),
    webhookUrl: config.webhookUrl,
  };
}
