import { z } from "zod";
import { defineCommand } from "../lib/command";

export const mcpCommand = defineCommand({
  name: "mcp",
  summary: "Serve Ferry's MCP tools over stdio, for a desktop MCP client on this server",
  usage: "mcp (--user EMAIL | with FERRY_TOKEN set) [--base-url URL]",
  description:
    "Runs the MCP server (the tools of /api/mcp: list_projects, get_project, export_project, preview_import, plan_import, import_bundle, list_history, list_snapshots, restore_snapshot) on stdin/stdout until the client closes stdin. It acts as one user, with that user's rights, exactly as the API would: the owner of the personal access token in the FERRY_TOKEN environment variable (never on the command line), or the user named by --user (an operator on the server may act as any user). Logs go to stderr. --base-url makes export_project's one-time download links absolute (e.g. https://ferry.example.com).",
  options: {
    user: { type: "string", value: "EMAIL", description: "Act as this user (instead of FERRY_TOKEN's owner)." },
    "base-url": {
      type: "string",
      value: "URL",
      description: "The Ferry server's address, for absolute download links.",
    },
  },
  examples: [
    "mcp --user admin@acme.test",
    "FERRY_TOKEN=ferry_pat_… npm run -s ferry -- mcp --base-url https://ferry.example.com",
  ],
  schema: z
    .object({
      positionals: z.array(z.string()).max(0),
      user: z.email("--user takes an e-mail address.").optional(),
      "base-url": z.url("--base-url takes a URL such as https://ferry.example.com.").optional(),
    })
    // Checked with the arguments, so a usage error never starts a database.
    .refine(
      (input) => Boolean(input.user || process.env.FERRY_TOKEN),
      "Name the user to act as: --user EMAIL, or set FERRY_TOKEN.",
    )
    .refine((input) => !(input.user && process.env.FERRY_TOKEN), "Give either --user or FERRY_TOKEN, not both."),
  async run(input, io) {
    const token = process.env.FERRY_TOKEN;
    const { loadActorByEmail } = await import("@/lib/auth/actor");
    const { actorFromAccessToken } = await import("@/lib/auth/access-tokens");
    const { AppError } = await import("@/lib/errors");
    const { buildMcpServer } = await import("@/lib/mcp/server");
    const { StdioServerTransport } = await import("@modelcontextprotocol/sdk/server/stdio.js");
    const actor = input.user ? await loadActorByEmail(input.user, "cli") : await actorFromAccessToken(token!);
    if (!actor)
      throw new AppError(
        "UNAUTHENTICATED",
        input.user
          ? `No user "${input.user}".`
          : "FERRY_TOKEN is not a valid personal access token (malformed, expired or revoked).",
      );
    const server = buildMcpServer({ actor, baseUrl: input["base-url"] });
    const closed = new Promise<void>((resolve) => {
      server.server.onclose = resolve;
      process.stdin.once("end", () => void server.close());
    });
    await server.connect(new StdioServerTransport());
    io.note(`ferry: MCP server on stdio, acting as ${actor.email}.`);
    await closed;
  },
});
