import { z } from "zod";
import { requiredPositional } from "../lib/args";
import { defineCommand } from "../lib/command";
import { printImportResult } from "../lib/print-import-result";

export const duplicateCommand = defineCommand({
  name: "duplicate",
  summary: "Copy a project server-side, secrets included, into a new project (optionally in another tenant)",
  usage: "duplicate <project-slug> --slug S [--display-name N] [--tenant T] [--to-tenant T2] [--dry-run] [--json]",
  description:
    "Reads the project's full bundle with its secrets under a key that never leaves the server and imports it as a new project, in one transaction, like any import (plan, audit, history; deployed versions are listed as next steps). In the same tenant models stay on the same connections; with --to-tenant, secrets are re-encrypted under that tenant's key and connections are mapped onto same-named ones of the same type, or created. --dry-run prints the plan.",
  positionals: [{ name: "project-slug", description: "The project to copy." }],
  options: {
    slug: { type: "string", value: "SLUG", description: "The new project's slug." },
    "display-name": { type: "string", value: "NAME", description: 'Its display name (default: "<name> (copy)").' },
    tenant: { type: "string", value: "TENANT", description: "The source project's tenant." },
    "to-tenant": { type: "string", value: "TENANT", description: "Copy into this tenant (default: the same one)." },
    "dry-run": { type: "boolean", description: "Print the plan; write nothing." },
    json: { type: "boolean", description: "Print the full result as JSON." },
  },
  examples: [
    "duplicate sales-analytics --slug sales-staging",
    "duplicate sales-analytics --slug sales --to-tenant globex",
  ],
  schema: z.object({
    positionals: requiredPositional("project-slug"),
    slug: z.string({ error: "Name the copy with --slug." }).min(1),
    "display-name": z.string().optional(),
    tenant: z.string().min(1).optional(),
    "to-tenant": z.string().min(1).optional(),
    "dry-run": z.boolean().default(false),
    json: z.boolean().default(false),
  }),
  async run(input, io) {
    const { cliActor } = await import("@/lib/auth/actor");
    const { duplicateProject } = await import("@/lib/projects/duplicate-project");
    const { renderPlan } = await import("@/lib/import/render-plan");
    const { findProjectTenant } = await import("@/lib/tenants/find-project-tenant");
    const projectSlug = input.positionals[0]!;
    const tenantSlug = input.tenant ?? (await findProjectTenant({ projectSlug }));
    const result = await duplicateProject({
      actor: cliActor(),
      tenantSlug,
      projectSlug,
      options: {
        slug: input.slug,
        ...(input["display-name"] ? { displayName: input["display-name"] } : {}),
        ...(input["to-tenant"] ? { tenant: input["to-tenant"] } : {}),
        ...(input["dry-run"] ? { dryRun: true } : {}),
      },
    });
    if (input.json) io.out(JSON.stringify(result, null, 2));
    else if (input["dry-run"]) io.stdout.write(renderPlan(result.plan));
    printImportResult(result, io);
  },
});
