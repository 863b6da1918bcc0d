import { z } from "zod";
import { httpUrlSchema } from "@/lib/validations/url";
import { LlmConfigTable } from "@/lib/database/tables";
import { nameSchema } from "@/lib/validations/slug";
import { credentialsSchema, freeObject } from "../credentials";
import { byKey, sortKeysDeep } from "../json-order";
import { credentialView, defineSection, type BundleSection } from "./section";

// LLM configs belong to the project: each arrives with its decrypted API key, or pending.

export const LLM_PROVIDERS = ["openai", "anthropic", "azure-openai", "bedrock", "ollama"] as const;

export const llmConfigSchema = z.strictObject({
  name: nameSchema,
  provider: z.enum(LLM_PROVIDERS),
  endpoint: httpUrlSchema.nullable(),
  model: z.string().min(1).max(200),
  params: freeObject,
  credentials: credentialsSchema,
});
export type BundleLlmConfig = z.infer<typeof llmConfigSchema>;

type LlmRow = {
  id: string;
  projectId: string;
  name: string;
  provider: string;
  endpoint: string | null;
  model: string;
  params: unknown;
  apiKeyEncrypted: string | null;
  status: string;
};

const llmConfigsSchema = z.array(llmConfigSchema).max(10_000);

// Annotated, not inferred: the bundle type is derived from the registry, and the writes refer back to it.
export const llmConfigs: BundleSection<"llmConfigs", typeof llmConfigsSchema, BundleLlmConfig> = defineSection({
  key: "llmConfigs",
  label: "LLM configs",
  hint: "Providers, models and parameters",
  optional: true,
  exportDefault: true,
  schema: llmConfigsSchema,
  items: (value) => value ?? [],
  keyOf: (l: BundleLlmConfig) => l.name,
  keyName: "LLM config name",
  credentialsOf: (l) => l.credentials,
  // As the LLM config form stores it: { apiKey } as text.
  secretProblem(_l, secret) {
    const keys = Object.keys(secret);
    if (keys.length !== 1 || keys[0] !== "apiKey")
      return `an LLM config's secret is { "apiKey": … }, not { ${keys.map((k) => `"${k}"`).join(", ")} }`;
    const value = secret.apiKey;
    return typeof value === "string" && value.trim().length > 0 && value.length <= 10_000
      ? null
      : `"apiKey" must be a non-empty text of at most 10,000 characters`;
  },
  canonical: (value) =>
    [...value].sort(byKey((l) => l.name)).map((l) => ({
      name: l.name,
      provider: l.provider,
      endpoint: l.endpoint,
      model: l.model,
      params: sortKeysDeep(l.params) as typeof l.params,
      credentials: l.credentials,
    })),
  comparable: (l) => ({ ...l, credentials: credentialView(l.credentials) }),
  async read(ctx) {
    const list = await ctx.rows<
      Omit<BundleLlmConfig, "credentials" | "params"> & { params: Record<string, unknown>; secret?: string | null }
    >(
      `SELECT name, provider::text, endpoint, model, params${ctx.withSecrets ? `, "apiKeyEncrypted" AS secret` : ""} FROM "${LlmConfigTable.name}" WHERE "projectId" = $1`,
      [ctx.projectId],
    );
    return list.map((l) => ({
      name: l.name,
      provider: l.provider,
      endpoint: l.endpoint,
      model: l.model,
      params: l.params,
      credentials: ctx.credentials("llmConfig", l.secret),
    }));
  },
  write: {
    async create(ctx, items) {
      const rows: LlmRow[] = items.map((l) => {
        const index = ctx.plan.bundle.llmConfigs?.indexOf(l) ?? -1;
        const secret = ctx.secretOf(l.credentials, `llmConfigs.${index}`);
        return {
          id: crypto.randomUUID(),
          projectId: ctx.projectId,
          name: l.name,
          provider: l.provider,
          endpoint: l.endpoint,
          model: l.model,
          params: l.params,
          apiKeyEncrypted: secret ? ctx.seal(secret) : null,
          status: secret ? "ACTIVE" : "PENDING_CREDENTIALS",
        };
      });
      await ctx.bulkInsert(
        ctx.client,
        LlmConfigTable,
        ["id", "projectId", "name", "provider", "endpoint", "model", "params", "apiKeyEncrypted", "status"],
        rows,
      );
    },
    // In place (merge): a config whose bundle item carries no secret keeps its stored API key.
    async update(ctx, items) {
      for (const l of items) {
        const index = ctx.plan.bundle.llmConfigs?.indexOf(l) ?? -1;
        const secret = ctx.secretOf(l.credentials, `llmConfigs.${index}`);
        await ctx.client.query(
          `UPDATE "${LlmConfigTable.name}" SET provider = $3::"LlmProvider", endpoint = $4, model = $5, params = $6,
                  "apiKeyEncrypted" = COALESCE($7, "apiKeyEncrypted"),
                  status = CASE WHEN $7::text IS NULL THEN status ELSE 'ACTIVE' END
            WHERE "projectId" = $1 AND name = $2`,
          [
            ctx.projectId,
            l.name,
            l.provider,
            l.endpoint,
            l.model,
            JSON.stringify(l.params),
            secret ? ctx.seal(secret) : null,
          ],
        );
      }
    },
    async delete(ctx, names) {
      await ctx.client.query(`DELETE FROM "${LlmConfigTable.name}" WHERE "projectId" = $1 AND name = ANY($2::text[])`, [
        ctx.projectId,
        names,
      ]);
    },
  },
  clears: [LlmConfigTable.name],
  faultSteps: ["llmConfigs"],
  count: ({ value }) =>
    value === undefined ? {} : { llmConfigs: { created: (value as unknown[]).length, updated: 0, skipped: 0 } },
});
