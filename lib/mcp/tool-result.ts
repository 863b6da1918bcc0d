import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { toErrorBody, type ErrorCode } from "@/lib/errors";

// A tool answers what the matching /api/v1 route answers: its JSON body as structured content
// (and as text, for clients that only show text), or the route's error body with `isError`.

export function toolResult(data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: "text", text: JSON.stringify(data) }], structuredContent: data };
}

/**
 * Any failure as a tool error carrying the API's `{ error: { code, message, details } }`:
 * AppErrors as they are, anything else logged and answered as `fallback` without internals.
 */
export function toolError(error: unknown, fallback: ErrorCode, tool: string): CallToolResult {
  const { body } = toErrorBody(error, fallback, `MCP tool ${tool}`);
  return {
    content: [{ type: "text", text: `${body.error.code}: ${body.error.message}\n${JSON.stringify(body)}` }],
    structuredContent: { ...body },
    isError: true,
  };
}

/** Runs a tool's work and shapes its answer or its failure. */
export async function runTool(
  tool: string,
  work: () => Promise<Record<string, unknown>>,
  fallback: ErrorCode = "INTERNAL_ERROR",
): Promise<CallToolResult> {
  try {
    return toolResult(await work());
  } catch (error) {
    return toolError(error, fallback, tool);
  }
}
