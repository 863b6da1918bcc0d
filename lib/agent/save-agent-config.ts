import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { listModelOptions } from "@/lib/models/list-model-options";
import { requireProject } from "@/lib/projects/require-project";
import { agentConfigInputSchema } from "@/lib/validations/agent-config";
import { fieldError, parseInput } from "@/lib/validations/parse-input";

/** Creates or replaces the project's agent config (project admins). */
export async function saveAgentConfig(options: {
  actor: Actor;
  tenantSlug: string;
  projectSlug: string;
  input: unknown;
}): Promise<void> {
  const access = await requireProject({ ...options, minRole: "ADMIN" });
  const input = parseInput(agentConfigInputSchema, options.input);
  const slugs = input.modelContexts.map((c) => c.model);
  const known = new Set((await listModelOptions({ projectId: access.project.id, slugs })).map((m) => m.slug));
  const missing = slugs.findIndex((slug) => !known.has(slug));
  if (missing >= 0)
    throw fieldError(
      "INVALID_INPUT",
      `modelContexts.${missing}.model`,
      `Model "${slugs[missing]}" does not exist in this project.`,
    );
  const data = {
    persona: input.persona,
    rubrics: input.rubrics,
    modelContexts: input.modelContexts,
    webhookUrl: input.webhookUrl,
  };
  await db.agentConfig.upsert({
    where: { projectId: access.project.id },
    create: { projectId: access.project.id, ...data },
    update: data,
  });
}
