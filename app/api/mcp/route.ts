import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { maxBundleBytes } from "@/lib/config/limits";
import { apiRoute } from "@/lib/http/api-route";
import { buildMcpServer } from "@/lib/mcp/server";

// The MCP server over Streamable HTTP (SPEC §14), stateless: each POST carries its JSON-RPC
// message(s) and gets the answer as JSON, authenticated like /api/v1 (401 without a valid token).
// No sessions to keep, so any instance behind a load balancer can answer.
export const POST = apiRoute(async ({ request, actor }) => {
  const server = buildMcpServer({ actor, baseUrl: new URL(request.url).origin });
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
    // A bundle sent as the text of a JSON string is escaped once more: room for that, then the
    // import itself enforces FERRY_MAX_BUNDLE_MB on the bundle.
    maxRequestBodySize: 2 * maxBundleBytes() + 1024 * 1024,
  });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request);
  } finally {
    await server.close();
  }
});
