import { z } from "zod";
import { requiredFlag } from "../lib/args";
import { defineCommand } from "../lib/command";

export const tenantCreateCommand = defineCommand({
  name: "tenant create",
  summary: "Create a tenant (with its own data key for secrets)",
  usage: "tenant create --slug SLUG --name NAME",
  description:
    "Creates a tenant. Its secrets (connection passwords, API keys) are encrypted under a new data key, itself wrapped by the instance master key.",
  options: {
    slug: {
      type: "string",
      value: "SLUG",
      description: "Lowercase letters, digits and dashes; used in URLs (unique).",
    },
    name: { type: "string", value: "NAME", description: "The name shown in the workspace." },
  },
  examples: ["tenant create --slug initech --name 'Initech LLC'"],
  schema: z.object({ slug: requiredFlag("slug"), name: requiredFlag("name") }),
  async run(input, io) {
    const { createTenant } = await import("@/lib/tenants/create-tenant");
    const tenant = await createTenant({ input });
    io.out(`Created tenant ${tenant.slug} (${tenant.name}).`);
    io.note(
      `Add its first admin with: npm run ferry -- tenant add-member --tenant ${tenant.slug} --email EMAIL --role TENANT_ADMIN`,
    );
  },
});
