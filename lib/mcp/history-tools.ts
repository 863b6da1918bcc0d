import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { projectHistory, tenantHistory } from "@/lib/history/history";
import { listSnapshots, restoreSnapshot } from "@/lib/history/restore-snapshot";
import { historyQuerySchema, restoreOptionsSchema } from "@/lib/validations/history";
import { historyPageSchema, snapshotListSchema } from "@/lib/validations/api-responses";
import { importResultSchema } from "@/lib/validations/import-result";
import { outputOf, runTool } from "./tool-result";

const tenant = historyQuerySchema.shape.tenant.describe(
  "The tenant's slug (default: the caller's only tenant; needed when the project's slug is in several).",
);
const projectSlug = z.string().min(1).max(200).describe("The project's slug.");

export function registerHistoryTools(server: McpServer, actor: Actor): void {
  server.registerTool(
    "list_history",
    {
      title: "List history",
      description:
        "Exports, imports, snapshots and restores, newest first, a page at a time (GET /api/v1/projects/{projectSlug}/history, or without projectSlug the tenant's, GET /api/v1/history). `before`: the previous page's nextCursor. Project ADMINs and tenant admins (a tenant's history: tenant admins).",
      inputSchema: historyQuerySchema.extend({
        tenant,
        projectSlug: projectSlug.optional(),
        limit: z.number().int().min(1).max(200).optional().describe("Entries per page (default 50)."),
      }),
      outputSchema: outputOf(historyPageSchema),
      annotations: { readOnlyHint: true, destructiveHint: false, openWorldHint: false },
    },
    ({ tenant, projectSlug, ...page }) =>
      runTool("list_history", async () => ({
        ...(projectSlug
          ? await projectHistory({ actor, tenantSlug: tenant, projectSlug, page })
          : await tenantHistory({ actor, tenantSlug: tenant, page })),
      })),
  );

  server.registerTool(
    "list_snapshots",
    {
      title: "List snapshots",
      description:
        "The project's snapshots, newest first (GET /api/v1/projects/{projectSlug}/snapshots): each was taken before an import or restore changed the project; restore_snapshot takes its id.",
      inputSchema: z.object({ projectSlug, tenant }),
      outputSchema: outputOf(snapshotListSchema),
      annotations: { readOnlyHint: true, destructiveHint: false, openWorldHint: false },
    },
    (input) =>
      runTool("list_snapshots", async () => ({
        snapshots: await listSnapshots({ actor, tenantSlug: input.tenant, projectSlug: input.projectSlug }),
      })),
  );

  server.registerTool(
    "restore_snapshot",
    {
      title: "Restore a snapshot",
      description:
        "Puts the project back in the state a snapshot holds, in one transaction (POST /api/v1/projects/{projectSlug}/snapshots/{snapshotId}/restore). dryRun: true answers the plan back to that state and its planToken; the restore itself needs that planToken and is refused with PLAN_STALE (nothing written) when the project changed since. The current state is snapshotted first, so a restore can be undone. Tenant admins.",
      inputSchema: restoreOptionsSchema.extend({
        projectSlug,
        tenant,
        snapshotId: z.string().min(1).max(100).describe("The snapshot's id (list_snapshots, list_history)."),
      }),
      outputSchema: outputOf(importResultSchema),
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
    },
    ({ projectSlug, tenant, snapshotId, ...options }) =>
      runTool(
        "restore_snapshot",
        async () => {
          if (!options.dryRun && !options.planToken)
            throw new AppError(
              "INVALID_OPTIONS",
              "A restore replaces the project: review its plan first (dryRun: true) and send its planToken.",
              [{ path: "planToken", reason: "required unless dryRun" }],
            );
          return { ...(await restoreSnapshot({ actor, tenantSlug: tenant, projectSlug, snapshotId, options })) };
        },
        "IMPORT_FAILED",
      ),
  );
}
