import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as mcpRoute } from "@/app/api/mcp/route";
import { GET as redeemExport } from "@/app/api/v1/exports/[token]/route";
import type { Bundle } from "@/lib/bundle/schema";
import { db } from "@/lib/db";
import { serializeBundle } from "@/lib/bundle/canonical-json";
import { actorFor } from "@/test/actors";
import { sampleBundle } from "@/test/bundles";
import { expectNoSecrets } from "@/test/no-secrets";
import { demoToken } from "@/test/tokens";
import { buildMcpServer } from "./server";

// The MCP server driven by the SDK's own client over both transports: Streamable HTTP through the
// real route handler (as Next calls it), stdio through the real CLI, and an in-memory pair for a
// small inline limit (the one-time download link).

const ROUTE = "http://ferry.test/api/mcp";
const clients: Client[] = [];

/** A client of /api/mcp whose fetch calls the route handler; only POST is routed, as in Next. */
async function httpClient(token?: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(ROUTE), {
    requestInit: token ? { headers: { authorization: `Bearer ${token}` } } : {},
    fetch: (url, init) => {
      const request = new Request(url, init);
      if (request.method !== "POST") return Promise.resolve(new Response(null, { status: 405 }));
      return mcpRoute(request, { params: Promise.resolve({}) });
    },
  });
  const client = new Client({ name: "ferry-tests", version: "1.0.0" });
  await client.connect(transport);
  clients.push(client);
  return client;
}

function stdioClient(args: string[], env: Record<string, string> = {}): Promise<Client> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && e[0] !== "FERRY_TOKEN"),
  );
  const transport = new StdioClientTransport({
    command: "node_modules/.bin/tsx",
    args: ["--conditions=react-server", "cli/index.ts", "mcp", ...args],
    env: { ...inherited, FERRY_DEBUG: "", ...env },
    stderr: "pipe",
  });
  const client = new Client({ name: "ferry-tests", version: "1.0.0" });
  clients.push(client);
  return client.connect(transport).then(() => client);
}

async function call(client: Client, name: string, args: Record<string, unknown>) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  expectNoSecrets(JSON.stringify(result));
  return result;
}
async function ok(client: Client, name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = await call(client, name, args);
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  return result.structuredContent!;
}
async function refused(client: Client, name: string, args: Record<string, unknown>): Promise<string> {
  const result = await call(client, name, args);
  expect(result.isError).toBe(true);
  const body = JSON.parse((result.content[1] as { text: string }).text) as { error: { code: string; message: string } };
  expect(body.error.message).toEqual(expect.any(String));
  return body.error.code;
}

const mapEvery = (bundle: Bundle) =>
  Object.fromEntries((bundle.connections ?? []).map((c) => [c.name, { action: "map", target: c.name }]));

let admin: string;
let viewer: string;
beforeAll(async () => {
  admin = await demoToken("admin@acme.test");
  viewer = await demoToken("analyst@acme.test");
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close().catch(() => {})));
});

describe("MCP over Streamable HTTP (/api/mcp)", () => {
  it("answers 401 without a valid bearer token", async () => {
    const response = await mcpRoute(
      new Request(ROUTE, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
      }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    await expect(httpClient("ferry_pat_not-a-token")).rejects.toThrow();
  });

  it("lists the tools with their hints", async () => {
    const { tools } = await (await httpClient(admin)).listTools();
    const hints = Object.fromEntries(
      tools.map((t) => [t.name, [t.annotations?.readOnlyHint, t.annotations?.destructiveHint]]),
    );
    expect(hints).toEqual({
      list_projects: [true, false],
      get_project: [true, false],
      export_project: [true, false],
      preview_import: [true, false],
      plan_import: [true, false],
      import_bundle: [false, true],
      list_history: [true, false],
      list_snapshots: [true, false],
      restore_snapshot: [false, true],
    });
    const importTool = tools.find((t) => t.name === "import_bundle")!;
    // The API's import options, as JSON Schema.
    expect(importTool.inputSchema.properties).toHaveProperty("options.properties.planToken");
    // Outputs are the API's answers, as JSON Schema: the SDK checks every answer against them.
    for (const tool of tools) expect(tool.outputSchema, tool.name).toMatchObject({ type: "object" });
    expect(importTool.outputSchema?.properties).toHaveProperty("planToken");
    expect(importTool.outputSchema?.properties).toHaveProperty("requiredActions");
    expect(tools.find((t) => t.name === "list_projects")!.outputSchema?.properties).toHaveProperty("projects");
  });

  it("exports, plans, imports with the plan's token, refuses a stale one, and restores", async () => {
    const client = await httpClient(admin);
    const listed = await ok(client, "list_projects", { tenant: "acme" });
    expect(listed.projects).toContainEqual(expect.objectContaining({ slug: "sales-analytics", tenant: "acme" }));
    expect(await ok(client, "get_project", { projectSlug: "sales-analytics", tenant: "acme" })).toMatchObject({
      project: { slug: "sales-analytics" },
    });

    const exported = await ok(client, "export_project", {
      projectSlug: "sales-analytics",
      tenant: "acme",
      stable: true,
      sections: ["connections", "settings", "agent"],
    });
    expect(exported).toMatchObject({ credentials: "none", bytes: expect.any(Number) });
    const bundle = exported.bundle as Bundle;
    expect(bundle.project.slug).toBe("sales-analytics");

    const preview = await ok(client, "preview_import", { bundle, tenant: "acme" });
    expect(preview).toMatchObject({ target: { tenant: "acme", slugTaken: true } });

    const base = { tenant: "acme", projectSlug: "mcp-copy", connectionMapping: mapEvery(bundle) };
    const created = await ok(client, "import_bundle", { bundle, options: { ...base, mode: "create" } });
    expect(created).toMatchObject({ dryRun: false, project: { slug: "mcp-copy" } });

    // A replace that drops a setting: refused without the plan's token, refused with a stale
    // one (the target changed since the plan), done with a fresh one.
    const edited = { ...bundle, settings: bundle.settings!.filter((s) => s.key !== "currency") };
    const replace = { ...base, mode: "replace" };
    expect(await refused(client, "import_bundle", { bundle: edited, options: replace })).toBe("INVALID_OPTIONS");
    const stale = await ok(client, "plan_import", { bundle: edited, options: replace });
    expect(stale).toMatchObject({
      dryRun: true,
      plan: { changes: true },
      planToken: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const project = await db.project.findFirstOrThrow({ where: { slug: "mcp-copy", tenant: { slug: "acme" } } });
    await db.projectSetting.create({ data: { projectId: project.id, key: "mcp.touched", value: 1 } });
    expect(
      await refused(client, "import_bundle", {
        bundle: JSON.stringify(edited),
        options: { ...replace, planToken: stale.planToken },
      }),
    ).toBe("PLAN_STALE");
    expect(await db.projectSetting.count({ where: { projectId: project.id, key: "currency" } })).toBe(1);

    const plan = await ok(client, "plan_import", { bundle: edited, options: replace });
    const replaced = await ok(client, "import_bundle", {
      bundle: edited,
      options: { ...replace, planToken: plan.planToken },
    });
    const snapshotId = (replaced.snapshot as { id: string }).id;
    expect(await db.projectSetting.count({ where: { projectId: project.id, key: "currency" } })).toBe(0);

    const history = await ok(client, "list_history", { tenant: "acme", projectSlug: "mcp-copy", limit: 10 });
    expect(history.entries).toContainEqual(expect.objectContaining({ action: "project.import", mode: "replace" }));
    const { snapshots } = await ok(client, "list_snapshots", { tenant: "acme", projectSlug: "mcp-copy" });
    expect(snapshots).toContainEqual(expect.objectContaining({ id: snapshotId }));

    const ref = { tenant: "acme", projectSlug: "mcp-copy", snapshotId };
    expect(await refused(client, "restore_snapshot", ref)).toBe("INVALID_OPTIONS");
    const back = await ok(client, "restore_snapshot", { ...ref, dryRun: true });
    expect(back).toMatchObject({ dryRun: true, plan: { changes: true } });
    await ok(client, "restore_snapshot", { ...ref, planToken: back.planToken });
    expect(await db.projectSetting.count({ where: { projectId: project.id, key: "currency" } })).toBe(1);
  });

  it("applies the API's authorization: a VIEWER's token may read but not import", async () => {
    const client = await httpClient(viewer);
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(9);
    expect(await ok(client, "get_project", { projectSlug: "sales-analytics", tenant: "acme" })).toMatchObject({
      project: { role: "VIEWER" },
    });
    expect(await refused(client, "export_project", { projectSlug: "sales-analytics", tenant: "acme" })).toBe(
      "FORBIDDEN",
    );
    const bundle = serializeBundle(sampleBundle());
    expect(
      await refused(client, "import_bundle", {
        bundle,
        options: { mode: "create", tenant: "acme", projectSlug: "mcp-viewer" },
      }),
    ).toBe("FORBIDDEN");
    expect(await refused(client, "list_history", { tenant: "acme", projectSlug: "sales-analytics" })).toBe("FORBIDDEN");
    expect(await db.project.count({ where: { slug: "mcp-viewer" } })).toBe(0);
  });
});

describe("export_project over the size limit", () => {
  it("answers a one-time download link, redeemable once with the same credentials", async () => {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const server = buildMcpServer({
      actor: await actorFor("admin@acme.test", "token"),
      baseUrl: "http://ferry.test",
      inlineExportBytes: 1024,
    });
    await server.connect(serverSide);
    const client = new Client({ name: "ferry-tests", version: "1.0.0" });
    await client.connect(clientSide);
    clients.push(client);
    const exported = await ok(client, "export_project", { projectSlug: "sales-analytics", tenant: "acme" });
    expect(exported.bundle).toBeUndefined();
    expect(exported.bytes).toBeGreaterThan(1024);
    const url = new URL(exported.downloadUrl as string);
    expect(url.origin).toBe("http://ferry.test");
    const redeem = () =>
      redeemExport(new Request(url, { headers: { authorization: `Bearer ${admin}` } }), {
        params: Promise.resolve({ token: url.pathname.split("/").at(-1)! }),
      });
    const download = await redeem();
    expect(download.status).toBe(200);
    expect(JSON.parse(await download.text())).toMatchObject({ project: { slug: "sales-analytics" } });
    expect((await redeem()).status).toBe(404);
  });
});

describe("MCP over stdio (`ferry mcp`)", () => {
  it("acts as the user named by --user", async () => {
    const client = await stdioClient(["--user", "lead@acme.test"]);
    expect((await client.listTools()).tools.map((t) => t.name)).toContain("restore_snapshot");
    const exported = await ok(client, "export_project", { projectSlug: "sales-analytics", tenant: "acme" });
    expect((exported.bundle as Bundle).project.slug).toBe("sales-analytics");
    // lead@acme is a project ADMIN, not a tenant admin: no restore.
    expect(
      await refused(client, "restore_snapshot", {
        projectSlug: "sales-analytics",
        tenant: "acme",
        snapshotId: "00000000-0000-0000-0000-000000000000",
        dryRun: true,
      }),
    ).toBe("FORBIDDEN");
  });

  it("acts as FERRY_TOKEN's owner: a VIEWER cannot import", async () => {
    const client = await stdioClient([], { FERRY_TOKEN: viewer });
    expect(
      await refused(client, "import_bundle", {
        bundle: serializeBundle(sampleBundle()),
        options: { mode: "create", tenant: "acme", projectSlug: "mcp-stdio-viewer" },
      }),
    ).toBe("FORBIDDEN");
  });
});
