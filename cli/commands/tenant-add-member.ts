import { z } from "zod";
import { requiredFlag, tenantRoleFlag } from "../lib/args";
import { defineCommand } from "../lib/command";

export const tenantAddMemberCommand = defineCommand({
  name: "tenant add-member",
  summary: "Add an existing user to a tenant, or change their role in it",
  usage: "tenant add-member --tenant TENANT --email EMAIL --role TENANT_ADMIN|MEMBER",
  options: {
    tenant: { type: "string", value: "TENANT", description: "The tenant's slug." },
    email: { type: "string", value: "EMAIL", description: "The user's email (see `user create`)." },
    role: {
      type: "string",
      value: "ROLE",
      description: "TENANT_ADMIN (manages the tenant and all its projects) or MEMBER (sees projects they are granted).",
    },
  },
  examples: ["tenant add-member --tenant acme --email dana@acme.test --role TENANT_ADMIN"],
  schema: z.object({
    tenant: requiredFlag("tenant"),
    email: requiredFlag("email"),
    role: tenantRoleFlag("role"),
  }),
  async run(input, io) {
    const { addTenantMember } = await import("@/lib/tenants/add-tenant-member");
    const change = await addTenantMember({ input: { tenantSlug: input.tenant, email: input.email, role: input.role } });
    if (change.previousRole === null) io.out(`Added ${change.email} to ${change.tenantSlug} as ${change.role}.`);
    else if (change.previousRole === change.role)
      io.out(`${change.email} already is ${change.role} of ${change.tenantSlug}; nothing changed.`);
    else
      io.out(`Changed ${change.email}'s role in ${change.tenantSlug} from ${change.previousRole} to ${change.role}.`);
  },
});
