import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireProject } from "@/lib/projects/require-project";
import { tenantCipher } from "@/lib/secrets/tenant-secrets";
import { llmConfigInputSchema } from "@/lib/validations/llm-config";
import { fieldError, parseInput } from "@/lib/validations/parse-input";

/**
 * Creates an LLM config, or updates the one named `configName` (project admins). Ferry stores
 * and validates the settings; it does not call the provider (SPEC §10).
 */
export async function saveLlmConfig(options: {
  actor: Actor;
  tenantSlug: string;
  projectSlug: string;
  configName?: string;
  input: unknown;
}): Promise<{ name: string }> {
  const access = await requireProject({ ...options, minRole: "ADMIN" });
  const { apiKey, clearApiKey, ...fields } = parseInput(llmConfigInputSchema, options.input);
  const sealed = apiKey ? (await tenantCipher({ tenantId: access.tenant.id })).encrypt({ apiKey }) : null;
  const data = { ...fields, params: fields.params as object };
  try {
    if (options.configName === undefined) {
      return await db.llmConfig.create({
        data: {
          ...data,
          projectId: access.project.id,
          apiKeyEncrypted: sealed,
          status: sealed ? "ACTIVE" : "PENDING_CREDENTIALS",
        },
        select: { name: true },
      });
    }
    const key = sealed
      ? { apiKeyEncrypted: sealed, status: "ACTIVE" as const }
      : clearApiKey
        ? { apiKeyEncrypted: null, status: "PENDING_CREDENTIALS" as const }
        : {};
    const updated = await db.llmConfig.updateMany({
      where: { projectId: access.project.id, name: options.configName },
      data: { ...data, ...key },
    });
    if (updated.count === 0)
      throw new AppError("NOT_FOUND", `LLM config "${options.configName}" was not found in this project.`);
    return { name: fields.name };
  } catch (error) {
    if (isUniqueViolation(error))
      throw fieldError("NAME_TAKEN", "name", `This project already has an LLM config named "${fields.name}".`);
    throw error;
  }
}
