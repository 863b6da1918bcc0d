import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/validations/user";
import { requiredFlag, tenantRoleFlag } from "../lib/args";
import { defineCommand } from "../lib/command";
import { readSecret } from "../lib/secret-input";

export const userCreateCommand = defineCommand({
  name: "user create",
  summary: "Create a user, optionally as a member of a tenant",
  usage:
    "user create --email EMAIL --name NAME [--password-file FILE] [--system-admin] [--tenant TENANT [--role TENANT_ADMIN|MEMBER]]",
  description: `Creates a user who can sign in with the password (at least ${MIN_PASSWORD_LENGTH} characters) read from --password-file, or typed at a hidden prompt. Passwords are never accepted as arguments.`,
  options: {
    email: { type: "string", value: "EMAIL", description: "The sign-in email (unique)." },
    name: { type: "string", value: "NAME", description: "The name shown in the workspace." },
    "password-file": {
      type: "string",
      value: "FILE",
      description: "Read the password from FILE (one trailing newline is dropped).",
    },
    "system-admin": { type: "boolean", description: "Make the user a system admin (every tenant, every project)." },
    tenant: { type: "string", value: "TENANT", description: "Add the user to this tenant (slug)." },
    role: {
      type: "string",
      value: "ROLE",
      description: "Their role in --tenant: TENANT_ADMIN or MEMBER (default MEMBER).",
    },
  },
  examples: [
    "user create --email dana@acme.test --name 'Dana Data' --tenant acme --role MEMBER",
    "user create --email ops@example.com --name Ops --system-admin --password-file ./ops-password.txt",
  ],
  schema: z
    .object({
      email: requiredFlag("email"),
      name: requiredFlag("name"),
      "password-file": z.string().optional(),
      "system-admin": z.boolean().default(false),
      tenant: z.string().min(1, "--tenant needs a value.").optional(),
      role: tenantRoleFlag("role").optional(),
    })
    .refine((input) => input.role === undefined || input.tenant !== undefined, "--role needs --tenant."),
  async run(input, io) {
    const password = await readSecret({
      file: input["password-file"],
      flag: "--password-file",
      prompt: `Password for ${input.email}: `,
      confirm: "Repeat the password: ",
    });
    const { createUser } = await import("@/lib/users/create-user");
    const user = await createUser({
      input: {
        email: input.email,
        name: input.name,
        password,
        isSystemAdmin: input["system-admin"],
        membership: input.tenant ? { tenantSlug: input.tenant, role: input.role ?? "MEMBER" } : undefined,
      },
    });
    const roles = [
      user.isSystemAdmin ? "system admin" : null,
      user.membership ? `${user.membership.role} of ${user.membership.tenantSlug}` : null,
    ].filter(Boolean);
    io.out(`Created user ${user.email} (${user.name})${roles.length ? `, ${roles.join(", ")}` : ""}.`);
  },
});
