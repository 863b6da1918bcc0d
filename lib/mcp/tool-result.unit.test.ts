import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { runTool } from "./tool-result";

const errorBody = (result: CallToolResult) => JSON.parse((result.content[1] as { text: string }).text) as unknown;

describe("runTool", () => {
  it("answers the work's JSON as structured content and as text", async () => {
    const result = await runTool("list_projects", async () => ({ projects: [{ slug: "sales" }] }));
    expect(result.isError).toBeUndefined();
    expect(result.structuredContent).toEqual({ projects: [{ slug: "sales" }] });
    expect(result.content).toEqual([{ type: "text", text: '{"projects":[{"slug":"sales"}]}' }]);
  });

  it("answers an AppError as a tool error with the API's body", async () => {
    const result = await runTool("import_bundle", async () => {
      throw new AppError("PLAN_STALE", "The target changed since the plan.", [{ reason: "settings" }]);
    });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect(errorBody(result)).toEqual({
      error: { code: "PLAN_STALE", message: "The target changed since the plan.", details: [{ reason: "settings" }] },
    });
    expect(result.content[0]).toEqual({ type: "text", text: "PLAN_STALE: The target changed since the plan." });
  });

  it("answers anything else as the fallback code, without internals", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await runTool(
      "import_bundle",
      async () => {
        throw new Error('relation "Model" does not exist at secret-host:5432');
      },
      "IMPORT_FAILED",
    );
    expect(result.isError).toBe(true);
    expect(errorBody(result)).toMatchObject({ error: { code: "IMPORT_FAILED" } });
    expect(JSON.stringify(result)).not.toContain("secret-host");
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
