import { z } from "zod";
import { requiredPositional } from "../lib/args";
import { defineCommand } from "../lib/command";

export const detachCommand = defineCommand({
  name: "detach",
  summary: "Make a reference project an ordinary one (editable here, no longer updated from its source)",
  usage: "detach <project-slug> [--tenant T] [--json]",
  description:
    "A reference project is read-only and follows one source: only a bundle from that source (replace or merge) updates it. Detaching ends that: the project becomes an ordinary project, editable here, and a bundle from any source can then be imported into it. Audited; tenant admins.",
  positionals: [{ name: "project-slug", description: "The reference project." }],
  options: {
    tenant: { type: "string", value: "TENANT", description: "The project's tenant." },
    json: { type: "boolean", description: "Print the result as JSON." },
  },
  examples: ["detach sales-analytics --tenant acme"],
  schema: z.object({
    positionals: requiredPositional("project-slug"),
    tenant: z.string().min(1).optional(),
    json: z.boolean().default(false),
  }),
  async run(input, io) {
    const { cliActor } = await import("@/lib/auth/actor");
    const { detachProject } = await import("@/lib/projects/detach-project");
    const { describeSource } = await import("@/lib/projects/reference");
    const { findProjectTenant } = await import("@/lib/tenants/find-project-tenant");
    const projectSlug = input.positionals[0]!;
    const tenantSlug = input.tenant ?? (await findProjectTenant({ projectSlug }));
    const result = await detachProject({ actor: cliActor(), tenantSlug, projectSlug });
    if (input.json) io.out(JSON.stringify(result, null, 2));
    else
      io.out(
        `Detached ${tenantSlug}/${projectSlug}${result.source ? ` from ${describeSource(result.source)}` : ""}: it is an ordinary project now.`,
      );
  },
});
