import fs from "node:fs/promises";
import { z } from "zod";
import { requiredPositional } from "../lib/args";
import { defineCommand } from "../lib/command";
import { readSecret } from "../lib/secret-input";
import { printImportResult } from "../lib/print-import-result";

const pair = (flag: string) =>
  z
    .array(z.string())
    .default([])
    .transform((values, ctx) => {
      const result: Record<string, string> = {};
      for (const value of values) {
        const [from, to, ...rest] = value.split("=");
        if (!from || !to || rest.length > 0)
          ctx.addIssue({ code: "custom", message: `--${flag} takes OLD=NEW (got "${value}").` });
        else result[from] = to;
      }
      return result;
    });

export const importCommand = defineCommand({
  name: "import",
  summary: "Import a bundle file as a new project, over an existing one, or (model bundles) into a project",
  usage:
    "import <file> [--tenant T] [--mode create|replace] [--slug S] [--display-name N] [--passphrase-file F] [--map exported=existing]… [--create exported[=new-name]]… [--pending exported[=new-name]]… [--override-credentials] [--rename-model old=new]… [--project P] [--create-users] [--dry-run] [--json]",
  description:
    "Validates the bundle, checks the passphrase (from --passphrase-file or a hidden prompt) and imports everything in one transaction: on any error nothing changes. Each exported connection is created in the tenant (needs credentials in the bundle, and a free name), mapped onto an existing connection of the same type (--map), or created pending credentials (--pending). Afterwards every model is undeployed, aggregates are pending and pockets stale: the summary lists what to do next. A summary goes to stderr; --json prints the full result on stdout.",
  positionals: [{ name: "file", description: "The bundle (.json)." }],
  options: {
    tenant: {
      type: "string",
      value: "TENANT",
      description: "Target tenant (default: the only tenant of the instance).",
    },
    mode: { type: "string", value: "MODE", description: "create (default) or replace." },
    slug: {
      type: "string",
      value: "SLUG",
      description: "Project slug to create, or the project to replace (default: the exported slug).",
    },
    "display-name": { type: "string", value: "NAME", description: "Display name of the imported project." },
    "passphrase-file": { type: "string", value: "FILE", description: "Read the bundle's passphrase from FILE." },
    map: {
      type: "string",
      multiple: true,
      value: "EXPORTED=EXISTING",
      description: "Map an exported connection onto an existing one of the same type.",
    },
    create: {
      type: "string",
      multiple: true,
      value: "EXPORTED[=NAME]",
      description: "Create the connection (optionally under another name) with the bundle's credentials.",
    },
    pending: {
      type: "string",
      multiple: true,
      value: "EXPORTED[=NAME]",
      description: "Create the connection without credentials (pending).",
    },
    "override-credentials": { type: "boolean", description: "Write the bundle's credentials into mapped connections." },
    "rename-model": {
      type: "string",
      multiple: true,
      value: "OLD=NEW",
      description: "Import a model under another slug; references are rewritten.",
    },
    project: { type: "string", value: "PROJECT", description: "Model bundles: the project to import the model into." },
    "create-users": {
      type: "boolean",
      description: "Create users named by access bindings that do not exist, and add them to the tenant.",
    },
    "dry-run": { type: "boolean", description: "Validate and report without writing." },
    json: { type: "boolean", description: "Print the result as JSON on stdout." },
  },
  examples: [
    "import sales.json --tenant globex --slug sales-analytics --map warehouse-pg=globex-pg --pending bq-events --passphrase-file pass.txt",
    "import sales.json --tenant acme --mode replace --map warehouse-pg=warehouse-pg --map snowflake-prod=snowflake-prod --map bq-events=bq-events",
    "import orders-model.json --tenant acme --project marketing-dev --rename-model orders=mkt-orders --map warehouse-pg=warehouse-pg --dry-run",
  ],
  schema: z.object({
    positionals: requiredPositional("file"),
    tenant: z.string().min(1).optional(),
    mode: z.enum(["create", "replace"], { error: "--mode is create or replace." }).default("create"),
    slug: z.string().min(1).optional(),
    "display-name": z.string().min(1).optional(),
    "passphrase-file": z.string().optional(),
    map: pair("map"),
    create: z.array(z.string()).default([]),
    pending: z.array(z.string()).default([]),
    "override-credentials": z.boolean().default(false),
    "rename-model": pair("rename-model"),
    project: z.string().min(1).optional(),
    "create-users": z.boolean().default(false),
    "dry-run": z.boolean().default(false),
    json: z.boolean().default(false),
  }),
  async run(input, io) {
    const file = input.positionals[0]!;
    const { AppError } = await import("@/lib/errors");
    const { maxBundleBytes } = await import("@/lib/config/limits");
    const { parseBundleBytes, tooLarge } = await import("@/lib/bundle/parse-bundle");
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) throw new AppError("INVALID_OPTIONS", `"${file}" is not a readable file.`);
    if (stat.size > maxBundleBytes()) throw tooLarge(stat.size, maxBundleBytes());
    const bundle = parseBundleBytes(await fs.readFile(file), maxBundleBytes());

    const passphrase = bundle.encryption
      ? await readSecret({
          file: input["passphrase-file"],
          flag: "--passphrase-file",
          prompt: "Passphrase of the bundle: ",
        })
      : undefined;
    const connectionMapping: Record<string, { action: "create" | "map" | "pending"; target?: string; name?: string }> =
      {};
    for (const [exported, target] of Object.entries(input.map)) connectionMapping[exported] = { action: "map", target };
    for (const [action, values] of [
      ["create", input.create],
      ["pending", input.pending],
    ] as const) {
      for (const value of values) {
        const [exported, name] = value.split("=");
        connectionMapping[exported!] = { action, ...(name ? { name } : {}) };
      }
    }

    const { cliActor } = await import("@/lib/auth/actor");
    const { importModel } = await import("@/lib/import/import-model");
    const { importProject } = await import("@/lib/import/import-project");
    const { parseImportOptions } = await import("@/lib/import/import-options");
    const { soleTenant } = await import("@/lib/tenants/find-project-tenant");
    const tenant = input.tenant ?? (await soleTenant());
    const isModel = bundle.scope === "model";
    if (isModel && !input.project)
      throw new AppError(
        "INVALID_OPTIONS",
        "This is a model bundle: name the project to import it into with --project.",
      );
    const options = parseImportOptions({
      mode: input.mode,
      tenant,
      projectSlug: isModel ? input.project : input.slug,
      displayName: input["display-name"],
      passphrase,
      modelSlugOverrides: input["rename-model"],
      connectionMapping,
      overrideCredentials: input["override-credentials"],
      dryRun: input["dry-run"],
      createUsers: input["create-users"],
    });
    const result = await (isModel ? importModel : importProject)({ actor: cliActor(), bundle, options });
    if (input.json) io.out(JSON.stringify(result, null, 2));
    printImportResult(result, io);
  },
});
