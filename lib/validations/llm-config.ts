import { z } from "zod";
import type { LlmProvider } from "@/generated/prisma/enums";
import { isPlainObject, parseJsonObjectText } from "./json";
import { nameSchema } from "./slug";
import { httpUrlProblem } from "./url";

// LLM configurations of a project. Providers use their public names ("azure-openai"); the
// database enum spells that one azure_openai. The API key is write-only, like connection secrets.

export const LLM_PROVIDERS = ["openai", "anthropic", "azure-openai", "bedrock", "ollama"] as const;
export type LlmProviderName = (typeof LLM_PROVIDERS)[number];

export const LLM_PROVIDER_LABELS: Record<LlmProviderName, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  "azure-openai": "Azure OpenAI",
  bedrock: "Amazon Bedrock",
  ollama: "Ollama",
};

/** Providers that have no fixed public endpoint. */
export const ENDPOINT_REQUIRED: readonly LlmProviderName[] = ["azure-openai", "ollama"];

export function toDbProvider(provider: LlmProviderName): LlmProvider {
  return provider === "azure-openai" ? "azure_openai" : provider;
}

export function fromDbProvider(provider: LlmProvider): LlmProviderName {
  return provider === "azure_openai" ? "azure-openai" : provider;
}

export const llmConfigInputSchema = z
  .object({
    name: nameSchema,
    provider: z.enum(LLM_PROVIDERS, { error: "Choose a provider." }),
    model: z.string().trim().min(1, "Enter the model name (e.g. gpt-4.1).").max(200, "At most 200 characters."),
    endpoint: z.string().trim().max(2000, "At most 2,000 characters."),
    params: z.string().max(20_000, "At most 20,000 characters."),
    apiKey: z.string().trim().max(10_000, "At most 10,000 characters."),
    clearApiKey: z.boolean(),
  })
  .superRefine((input, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (input.endpoint) {
      const problem = httpUrlProblem(input.endpoint);
      if (problem) issue("endpoint", problem);
    } else if (ENDPOINT_REQUIRED.includes(input.provider)) {
      issue("endpoint", `${LLM_PROVIDER_LABELS[input.provider]} needs an endpoint URL.`);
    }
    if (typeof input.params === "string") {
      const problem = paramsProblem(input.params);
      if (problem) issue("params", problem);
    }
    if (input.clearApiKey && input.apiKey) issue("apiKey", "Enter a new API key or clear the stored one, not both.");
  })
  .transform((input) => ({
    name: input.name,
    provider: toDbProvider(input.provider),
    model: input.model,
    endpoint: input.endpoint || null,
    params: parseParams(input.params),
    /** null keeps the stored key (or stores none on create). */
    apiKey: input.apiKey || null,
    clearApiKey: input.clearApiKey,
  }));

export type LlmConfigFormValues = z.input<typeof llmConfigInputSchema>;

function paramsProblem(text: string): string | null {
  if (!text.trim()) return null;
  const parsed = parseJsonObjectText(text);
  if (!parsed.ok) return parsed.reason;
  const { temperature, maxTokens } = parsed.value;
  if (temperature !== undefined && (typeof temperature !== "number" || temperature < 0 || temperature > 2))
    return "temperature is a number from 0 to 2.";
  if (maxTokens !== undefined && (typeof maxTokens !== "number" || !Number.isInteger(maxTokens) || maxTokens < 1))
    return "maxTokens is a positive whole number.";
  return null;
}

function parseParams(text: string): Record<string, unknown> {
  const parsed = text.trim() ? parseJsonObjectText(text) : null;
  return parsed?.ok && isPlainObject(parsed.value) ? parsed.value : {};
}

export const DEFAULT_LLM_PARAMS = { temperature: 0.2, maxTokens: 1024 };

export function llmConfigFormDefaults(existing?: {
  name: string;
  provider: LlmProviderName;
  model: string;
  endpoint: string | null;
  params: unknown;
}): LlmConfigFormValues {
  return {
    name: existing?.name ?? "",
    provider: existing?.provider ?? "openai",
    model: existing?.model ?? "",
    endpoint: existing?.endpoint ?? "",
    params: JSON.stringify(existing?.params ?? DEFAULT_LLM_PARAMS, null, 2),
    apiKey: "",
    clearApiKey: false,
  };
}
