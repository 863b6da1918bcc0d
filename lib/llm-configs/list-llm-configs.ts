import "server-only";
import type { CredentialStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { isPlainObject } from "@/lib/validations/json";
import { fromDbProvider, type LlmProviderName } from "@/lib/validations/llm-config";

export interface LlmConfigItem {
  name: string;
  provider: LlmProviderName;
  model: string;
  endpoint: string | null;
  params: Record<string, unknown>;
  status: CredentialStatus;
  hasApiKey: boolean;
}

/** A project's LLM configs; the encrypted key is never selected, only whether one is set. */
export async function listLlmConfigs(options: { projectId: string }): Promise<LlmConfigItem[]> {
  const [configs, withKey] = await Promise.all([
    db.llmConfig.findMany({
      where: { projectId: options.projectId },
      orderBy: { name: "asc" },
      select: { name: true, provider: true, model: true, endpoint: true, params: true, status: true },
    }),
    db.llmConfig.findMany({
      where: { projectId: options.projectId, apiKeyEncrypted: { not: null } },
      select: { name: true },
    }),
  ]);
  const keyed = new Set(withKey.map((c) => c.name));
  return configs.map((c) => ({
    ...c,
    provider: fromDbProvider(c.provider),
    params: isPlainObject(c.params) ? c.params : {},
    hasApiKey: keyed.has(c.name),
  }));
}
