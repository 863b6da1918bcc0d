import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { tenantCipher } from "@/lib/secrets/tenant-secrets";
import { actorFor } from "@/test/actors";
import { expectNoSecrets } from "@/test/no-secrets";
import { deleteLlmConfig } from "./delete-llm-config";
import { listLlmConfigs } from "./list-llm-configs";
import { saveLlmConfig } from "./save-llm-config";

const sales = { tenantSlug: "acme", projectSlug: "sales-analytics" };
const salesId = async () => (await db.project.findFirstOrThrow({ where: { slug: "sales-analytics" } })).id;
const azure = (overrides: Record<string, unknown> = {}) => ({
  name: "azure-gpt",
  provider: "azure-openai",
  model: "gpt-4o",
  endpoint: "https://acme.openai.azure.com/openai/deployments/gpt-4o",
  params: '{ "temperature": 0.5, "maxTokens": 800, "topP": 0.9 }',
  apiKey: "az-Secr3t-key",
  clearApiKey: false,
  ...overrides,
});

describe("LLM configs", () => {
  it("lists a project's configs with provider names and key flags, without keys", async () => {
    const configs = await listLlmConfigs({ projectId: await salesId() });
    expect(configs).toEqual([
      {
        name: "judge",
        provider: "anthropic",
        model: "claude-sonnet-4",
        endpoint: null,
        params: { temperature: 0, maxTokens: 1024 },
        status: "ACTIVE",
        hasApiKey: true,
      },
      {
        name: "primary",
        provider: "openai",
        model: "gpt-4.1",
        endpoint: null,
        params: { temperature: 0.2, maxTokens: 2048 },
        status: "ACTIVE",
        hasApiKey: true,
      },
    ]);
    expectNoSecrets(configs);
  });

  it("creates a config with an encrypted key; azure-openai maps to the database enum", async () => {
    const lead = await actorFor("lead@acme.test");
    expect(await saveLlmConfig({ actor: lead, ...sales, input: azure() })).toEqual({ name: "azure-gpt" });
    const row = await db.llmConfig.findFirstOrThrow({ where: { name: "azure-gpt" } });
    expect(row).toMatchObject({
      provider: "azure_openai",
      status: "ACTIVE",
      params: { temperature: 0.5, maxTokens: 800, topP: 0.9 },
    });
    expect(row.apiKeyEncrypted).not.toContain("az-Secr3t-key");
    const cipher = await tenantCipher({
      tenantId: (await db.tenant.findUniqueOrThrow({ where: { slug: "acme" } })).id,
    });
    expect(cipher.decrypt(row.apiKeyEncrypted!)).toEqual({ apiKey: "az-Secr3t-key" });
    const listed = (await listLlmConfigs({ projectId: await salesId() })).find((c) => c.name === "azure-gpt");
    expect(listed).toMatchObject({ provider: "azure-openai", hasApiKey: true });
    expectNoSecrets(listed, ["az-Secr3t-key"]);

    await saveLlmConfig({
      actor: lead,
      ...sales,
      input: azure({ name: "local", provider: "ollama", endpoint: "http://localhost:11434", apiKey: "", params: "" }),
    });
    expect(await db.llmConfig.findFirstOrThrow({ where: { name: "local" } })).toMatchObject({
      status: "PENDING_CREDENTIALS",
      apiKeyEncrypted: null,
      params: {},
    });
  });

  it("validates endpoint, params and name", async () => {
    const lead = await actorFor("lead@acme.test");
    const attempt = (overrides: Record<string, unknown>) =>
      saveLlmConfig({ actor: lead, ...sales, input: azure(overrides) });
    await expect(attempt({ endpoint: "" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: [{ path: "endpoint", reason: "Azure OpenAI needs an endpoint URL." }],
    });
    await expect(attempt({ provider: "openai", endpoint: "not a url" })).rejects.toMatchObject({
      details: [{ path: "endpoint" }],
    });
    await expect(attempt({ endpoint: "ftp://models.example.com" })).rejects.toMatchObject({
      details: [{ path: "endpoint", reason: "Use an http:// or https:// URL." }],
    });
    await expect(attempt({ params: '{ "temperature": 2.5 }' })).rejects.toMatchObject({
      details: [{ path: "params", reason: "temperature is a number from 0 to 2." }],
    });
    await expect(attempt({ params: '{ "maxTokens": 0 }' })).rejects.toMatchObject({
      details: [{ path: "params", reason: "maxTokens is a positive whole number." }],
    });
    await expect(attempt({ params: "[1, 2]" })).rejects.toMatchObject({ details: [{ path: "params" }] });
    await expect(attempt({ provider: "mistral" })).rejects.toMatchObject({ details: [{ path: "provider" }] });
    await expect(attempt({ model: " " })).rejects.toMatchObject({ details: [{ path: "model" }] });
    await expect(attempt({ name: "primary" })).rejects.toMatchObject({
      code: "NAME_TAKEN",
      details: [{ path: "name" }],
    });
  });

  it("keeps the key when the field is blank, replaces or clears it, and deletes", async () => {
    const lead = await actorFor("lead@acme.test");
    const edit = {
      name: "primary",
      provider: "openai",
      model: "gpt-4.1-mini",
      endpoint: "",
      params: '{ "temperature": 1 }',
      apiKey: "",
      clearApiKey: false,
    };
    await saveLlmConfig({ actor: lead, ...sales, configName: "primary", input: edit });
    expect(await db.llmConfig.findFirstOrThrow({ where: { name: "primary" } })).toMatchObject({
      model: "gpt-4.1-mini",
      status: "ACTIVE",
      apiKeyEncrypted: expect.stringMatching(/^v1\./),
    });
    await saveLlmConfig({
      actor: lead,
      ...sales,
      configName: "primary",
      input: { ...edit, name: "main", clearApiKey: true },
    });
    expect(await db.llmConfig.findFirstOrThrow({ where: { name: "main" } })).toMatchObject({
      status: "PENDING_CREDENTIALS",
      apiKeyEncrypted: null,
    });
    await expect(
      saveLlmConfig({ actor: lead, ...sales, configName: "main", input: { ...edit, name: "judge" } }),
    ).rejects.toMatchObject({ code: "NAME_TAKEN" });
    await expect(saveLlmConfig({ actor: lead, ...sales, configName: "gone", input: edit })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    await deleteLlmConfig({ actor: lead, ...sales, configName: "main" });
    expect(await db.llmConfig.count({ where: { name: "main" } })).toBe(0);
    await expect(deleteLlmConfig({ actor: lead, ...sales, configName: "main" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("is for project admins; other tenants see nothing", async () => {
    const analyst = await actorFor("analyst@acme.test");
    await expect(saveLlmConfig({ actor: analyst, ...sales, input: azure() })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(deleteLlmConfig({ actor: analyst, ...sales, configName: "judge" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      deleteLlmConfig({ actor: await actorFor("admin@globex.test"), ...sales, configName: "judge" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.llmConfig.count({ where: { name: "judge" } })).toBe(1);
  });
});
