import "server-only";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { Actor } from "@/lib/auth/actor";
import { registerHistoryTools } from "./history-tools";
import { registerImportTools } from "./import-tools";
import { registerProjectTools } from "./project-tools";

// Ferry's MCP server (SPEC §14): the /api/v1 operations as tools, for one authenticated actor.
// Each tool calls the lib function its API route calls, so authorization is the API's; both
// transports (Streamable HTTP at /api/mcp, stdio from `npm run ferry -- mcp`) build it here.

/** Bundles up to 1 MB come back inline from export_project; larger ones as a one-time link. */
export const INLINE_EXPORT_BYTES = 1024 * 1024;

export interface McpServerOptions {
  actor: Actor;
  /** Origin of the Ferry server, for absolute download links (the HTTP route knows its own). */
  baseUrl?: string;
  inlineExportBytes?: number;
}

export function buildMcpServer(options: McpServerOptions): McpServer {
  const server = new McpServer(
    { name: "ferry", title: "Ferry", version: process.env.npm_package_version || "0.1.0" },
    {
      instructions:
        "Ferry exports and imports semantic-layer projects as JSON bundles (format ferry.project). Before an import that changes an existing project (replace, merge, skip-existing), call plan_import, show the plan, then call import_bundle with its planToken; likewise restore_snapshot with dryRun first. Errors carry the API's codes (e.g. PLAN_STALE: plan again).",
    },
  );
  registerProjectTools(server, {
    actor: options.actor,
    baseUrl: options.baseUrl,
    inlineExportBytes: options.inlineExportBytes ?? INLINE_EXPORT_BYTES,
  });
  registerImportTools(server, options.actor);
  registerHistoryTools(server, options.actor);
  return server;
}
