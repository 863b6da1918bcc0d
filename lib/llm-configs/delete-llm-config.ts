import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireProject } from "@/lib/projects/require-project";

export async function deleteLlmConfig(options: {
  actor: Actor;
  tenantSlug: string;
  projectSlug: string;
  configName: string;
}): Promise<void> {
  const access = await requireProject({ ...options, minRole: "ADMIN" });
  const deleted = await db.llmConfig.deleteMany({ where: { projectId: access.project.id, name: options.configName } });
  if (deleted.count === 0)
    throw new AppError("NOT_FOUND", `LLM config "${options.configName}" was not found in this project.`);
}
