import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { toErrorBody, type ErrorCode } from "@/lib/errors";

// A tool answers what the matching /api/v1 route answers: its JSON body as structured content
// (checked against the tool's outputSchema; as text too, for clients that only show text), or,
// with `isError`, the route's error body as text — a line to read, then the body as JSON.
// Errors carry no structured content: MCP checks that against the outputSchema too.

export function toolResult(data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: "text", text: JSON.stringify(data) }], structuredContent: data };
}

/**
 * Any failure as a tool error carrying the API's `{ error: { code, message, details } }` (the
 * second text block):
 * AppErrors as they are, anything else logged and answered as `fallback` without internals.
 */
export function toolError(error: unknown, fallback: ErrorCode, tool: string): CallToolResult {
  const { body } = toErrorBody(error, fallback, `MCP tool ${tool}`);
  return {
    content: [
      { type: "text", text: `${body.error.code}: ${body.error.message}` },
      { type: "text", text: JSON.stringify(body) },
    ],
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

/**
 * A route's response schema as a tool's `outputSchema`. MCP wants an object schema at the top;
 * the response schemas carry an id for the OpenAPI document, which makes their JSON Schema a
 * `$ref`, so the tool gets the same shape without the id.
 */
export function outputOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>): z.ZodObject<T> {
  return z.object(schema.shape);
}
