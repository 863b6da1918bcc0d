import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorFor } from "@/test/actors";
import { getAgentConfig } from "./get-agent-config";
import { saveAgentConfig } from "./save-agent-config";

const sales = { tenantSlug: "acme", projectSlug: "sales-analytics" };
const projectId = async (slug: string) => (await db.project.findFirstOrThrow({ where: { slug } })).id;
const input = (overrides: Record<string, unknown> = {}) => ({
  persona: "You answer questions about Acme sales.",
  rubrics: [
    { name: "accuracy", criteria: "Numbers match the models.", weight: 0.7 },
    { name: "tone", criteria: "Plain words.", weight: 0.3 },
  ],
  modelContexts: [{ model: "orders", context: "Revenue excludes tax." }],
  webhookUrl: "https://hooks.acme.test/agent",
  ...overrides,
});

describe("agent config", () => {
  it("reads the demo config", async () => {
    const config = await getAgentConfig({ projectId: await projectId("sales-analytics") });
    expect(config?.rubrics.map((r) => r.name)).toEqual(["accuracy", "clarity"]);
    expect(config?.modelContexts.map((c) => c.model)).toEqual(["orders", "customers", "web-sessions"]);
    expect(config?.webhookUrl).toBe("https://hooks.acme.test/ferry/agent");
  });

  it("lets project admins replace it, and creates it where missing", async () => {
    await saveAgentConfig({ actor: await actorFor("lead@acme.test"), ...sales, input: input({ webhookUrl: "" }) });
    expect(await getAgentConfig({ projectId: await projectId("sales-analytics") })).toEqual({
      ...input(),
      webhookUrl: null,
    });

    expect(await getAgentConfig({ projectId: await projectId("marketing-dev") })).toBeNull();
    await saveAgentConfig({
      actor: await actorFor("admin@acme.test"),
      tenantSlug: "acme",
      projectSlug: "marketing-dev",
      input: input({ modelContexts: [{ model: "campaigns", context: "Spend in USD." }] }),
    });
    expect(await getAgentConfig({ projectId: await projectId("marketing-dev") })).toMatchObject({
      modelContexts: [{ model: "campaigns", context: "Spend in USD." }],
    });
  });

  it("checks weights, duplicates, the webhook URL and that each model exists in the project", async () => {
    const lead = await actorFor("lead@acme.test");
    const attempt = (overrides: Record<string, unknown>) =>
      saveAgentConfig({ actor: lead, ...sales, input: input(overrides) });
    await expect(attempt({ rubrics: [{ name: "a", criteria: "c", weight: 1.5 }] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: [{ path: "rubrics.0.weight", reason: "The weight is a number from 0 to 1." }],
    });
    await expect(attempt({ rubrics: [{ name: "a", criteria: "c", weight: Number.NaN }] })).rejects.toMatchObject({
      details: [{ path: "rubrics.0.weight" }],
    });
    await expect(
      attempt({
        rubrics: [
          { name: "a", criteria: "c", weight: 0.5 },
          { name: "a", criteria: "d", weight: 0.5 },
        ],
      }),
    ).rejects.toMatchObject({ details: [{ path: "rubrics.1.name" }] });
    await expect(
      attempt({
        modelContexts: [
          { model: "orders", context: "x" },
          { model: "orders", context: "y" },
        ],
      }),
    ).rejects.toMatchObject({ details: [{ path: "modelContexts.1.model" }] });
    await expect(attempt({ webhookUrl: "javascript:alert(1)" })).rejects.toMatchObject({
      details: [{ path: "webhookUrl" }],
    });
    await expect(
      attempt({
        modelContexts: [
          { model: "orders", context: "x" },
          { model: "campaigns", context: "another project's model" },
        ],
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: [{ path: "modelContexts.1.model", reason: 'Model "campaigns" does not exist in this project.' }],
    });
  });

  it("refuses viewers and other tenants", async () => {
    await expect(
      saveAgentConfig({ actor: await actorFor("analyst@acme.test"), ...sales, input: input() }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      saveAgentConfig({ actor: await actorFor("admin@globex.test"), ...sales, input: input() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
