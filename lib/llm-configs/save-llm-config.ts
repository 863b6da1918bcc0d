import "server-only";
import { isDeepStrictEqual } from "node:util";
import type { Actor } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { managedProjectError, requireProject } from "@/lib/projects/require-project";
import { tenantCipher } from "@/lib/secrets/tenant-secrets";
import { llmConfigInputSchema } from "@/lib/validations/llm-config";
import { fieldError, parseInput } from "@/lib/validations/parse-input";

/**
 * Creates an LLM config, or updates the one named `configName` (project admins). Ferry stores
 * and validates the settings; it does not call the provider (SPEC §10). On a reference project
 * only the API key of an existing config may be entered (SPEC §13: pending credentials).
 */
export async function saveLlmConfig(options: {
  actor: Actor;
  tenantSlug: string;
  projectSlug: string;
  configName?: string;
  input: unknown;
}): Promise<{ name: string }> {
  const access = await requireProject({ ...options, minRole: "ADMIN", change: "operation" });
  const { apiKey, clearApiKey, ...fields } = parseInput(llmConfigInputSchema, options.input);
  if (access.project.reference && !(await onlyEntersKey(access.project.id, options.configName, fields, apiKey)))
    throw managedProjectError(access.project.slug);
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

/** Whether a save only enters the API key of an existing config, leaving every other field as it is. */
async function onlyEntersKey(
  projectId: string,
  configName: string | undefined,
  fields: { name: string; provider: string; model: string; endpoint: string | null; params: unknown },
  apiKey: string | null,
): Promise<boolean> {
  if (configName === undefined || !apiKey) return false;
  const current = await db.llmConfig.findUnique({
    where: { projectId_name: { projectId, name: configName } },
    select: { name: true, provider: true, model: true, endpoint: true, params: true },
  });
  return (
    current !== null &&
    current.name === fields.name &&
    current.provider === fields.provider &&
    current.model === fields.model &&
    (current.endpoint ?? null) === (fields.endpoint ?? null) &&
    isDeepStrictEqual(current.params, fields.params)
  );
}
