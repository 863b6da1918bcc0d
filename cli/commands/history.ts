import { z } from "zod";
import { requiredPositional } from "../lib/args";
import { defineCommand } from "../lib/command";

export const historyCommand = defineCommand({
  name: "history",
  summary: "List a project's exports, imports, snapshots and restores, newest first",
  usage: "history <project-slug> [--tenant T] [--limit N] [--before CURSOR] [--json]",
  description:
    "Prints the project's history from its audit events: when, who, what (with the mode), the bundle's source and the counts. Snapshot lines carry the id to pass to `restore`; import lines the id of their stored result. --before takes the cursor printed under a full page to show older entries.",
  positionals: [{ name: "project-slug", description: "The project." }],
  options: {
    tenant: {
      type: "string",
      value: "TENANT",
      description: "The project's tenant (default: the only one with that slug).",
    },
    limit: { type: "string", value: "N", description: "Entries per page, 1–200 (default 50)." },
    before: {
      type: "string",
      value: "CURSOR",
      description: "Show entries older than this cursor (from the previous page).",
    },
    json: { type: "boolean", description: "Print the page as JSON." },
  },
  examples: ["history sales-analytics --tenant acme", "history sales-analytics --limit 10 --json"],
  schema: z.object({
    positionals: requiredPositional("project-slug"),
    tenant: z.string().min(1).optional(),
    limit: z.string().optional(),
    before: z.string().optional(),
    json: z.boolean().default(false),
  }),
  async run(input, io) {
    const { cliActor } = await import("@/lib/auth/actor");
    const { projectHistory } = await import("@/lib/history/history");
    const { historyQuerySchema } = await import("@/lib/validations/history");
    const { renderHistory } = await import("@/lib/history/render-history");
    const { findProjectTenant } = await import("@/lib/tenants/find-project-tenant");
    const { parseInput } = await import("@/lib/validations/parse-input");
    const projectSlug = input.positionals[0]!;
    const page = parseInput(
      historyQuerySchema,
      { ...(input.limit ? { limit: input.limit } : {}), ...(input.before ? { before: input.before } : {}) },
      "INVALID_OPTIONS",
    );
    const tenantSlug = input.tenant ?? (await findProjectTenant({ projectSlug }));
    const result = await projectHistory({ actor: cliActor(), tenantSlug, projectSlug, page });
    if (input.json) io.out(JSON.stringify(result, null, 2));
    else io.stdout.write(renderHistory(result));
  },
});
