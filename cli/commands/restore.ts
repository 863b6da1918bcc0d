import { z } from "zod";
import { defineCommand } from "../lib/command";
import { printImportResult } from "../lib/print-import-result";

export const restoreCommand = defineCommand({
  name: "restore",
  summary: "Restore a project to a snapshot (the plan back first with --dry-run)",
  usage: "restore <project-slug> <snapshot-id> [--tenant T] [--dry-run] [--expect-plan TOKEN] [--json]",
  description:
    "Puts the project back in the state the snapshot holds, in one transaction, through the same plan as an import in replace mode: every section, access bindings and the deployed versions. The current state is snapshotted first, so a restore can itself be undone. --dry-run prints the plan back to that state (exit 2 when it would change something, 0 when not) and its plan token; --expect-plan TOKEN restores only if the project has not changed since that plan (else PLAN_STALE, nothing written). `history <project>` lists the snapshots.",
  positionals: [
    { name: "project-slug", description: "The project." },
    { name: "snapshot-id", description: "The snapshot to restore (from `history`)." },
  ],
  options: {
    tenant: {
      type: "string",
      value: "TENANT",
      description: "The project's tenant (default: the only one with that slug).",
    },
    "dry-run": { type: "boolean", description: "Print the plan back to the snapshot; write nothing." },
    "expect-plan": { type: "string", value: "TOKEN", description: "Restore only if the plan is still this one." },
    json: { type: "boolean", description: "Print the full result (or plan) as JSON." },
  },
  examples: ["restore sales-analytics 5d0c…-… --dry-run", "restore sales-analytics 5d0c…-… --expect-plan 3f9a…"],
  schema: z.object({
    positionals: z.array(z.string()).length(2, "Name the project and the snapshot: restore <project> <snapshot-id>."),
    tenant: z.string().min(1).optional(),
    "dry-run": z.boolean().default(false),
    "expect-plan": z.string().optional(),
    json: z.boolean().default(false),
  }),
  async run(input, io) {
    const { cliActor } = await import("@/lib/auth/actor");
    const { restoreSnapshot } = await import("@/lib/history/restore-snapshot");
    const { renderPlan } = await import("@/lib/import/render-plan");
    const { findProjectTenant } = await import("@/lib/tenants/find-project-tenant");
    const [projectSlug, snapshotId] = input.positionals as [string, string];
    const tenantSlug = input.tenant ?? (await findProjectTenant({ projectSlug }));
    const result = await restoreSnapshot({
      actor: cliActor(),
      tenantSlug,
      projectSlug,
      snapshotId,
      options: {
        ...(input["dry-run"] ? { dryRun: true } : {}),
        ...(input["expect-plan"] ? { planToken: input["expect-plan"] } : {}),
      },
    });
    if (input.json) io.out(JSON.stringify(result, null, 2));
    if (input["dry-run"]) {
      if (!input.json) {
        io.stdout.write(renderPlan(result.plan));
        io.out(`Plan token: ${result.planToken}`);
      }
      return result.plan.changes ? 2 : 0;
    }
    printImportResult(result, io);
  },
});
