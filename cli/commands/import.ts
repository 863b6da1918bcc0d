import { z } from "zod";
import { requiredPositional } from "../lib/args";
import { defineCommand } from "../lib/command";
import {
  IMPORT_FLAGS,
  importFlagsSchema,
  importOptionsFromFlags,
  readBundleFile,
  runCliImport,
} from "../lib/import-flags";
import { printImportResult } from "../lib/print-import-result";

export const importCommand = defineCommand({
  name: "import",
  summary: "Import a bundle file as a new project, over or into an existing one, or (model bundles) into a project",
  usage:
    "import <file> [--tenant T] [--mode create|replace|merge|skip-existing] [--slug S] [--display-name N] [--passphrase-file F] [--map exported=existing]… [--create exported[=new-name]]… [--pending exported[=new-name]]… [--override-credentials] [--rename-model old=new]… [--select section=key]… [--exclude section=key]… [--project P] [--reference] [--create-users] [--expect-plan TOKEN] [--dry-run] [--json]",
  description:
    "Validates the bundle, checks the passphrase (from --passphrase-file or a hidden prompt) and imports everything in one transaction: on any error nothing changes. Each exported connection is created in the tenant (needs credentials in the bundle, and a free name), mapped onto an existing connection of the same type (--map), or created pending credentials (--pending). Merge and skip-existing never delete. --reference makes the project a reference of the bundle's source: read-only here, updated by importing a later bundle from the same source (a *Reference update*); a bundle from another source is refused (PROJECT_MANAGED) until a tenant admin runs `detach`. With --expect-plan (the token `plan` printed) the import is refused with PLAN_STALE if the target changed since that plan. Afterwards every written model is undeployed, aggregates are pending and pockets stale: the summary lists what to do next. A summary goes to stderr; --json prints the full result on stdout.",
  positionals: [{ name: "file", description: "The bundle (.json)." }],
  options: {
    ...IMPORT_FLAGS,
    "expect-plan": {
      type: "string",
      value: "TOKEN",
      description: "The token of the plan you reviewed (`plan`): refuse the import if the target changed since.",
    },
    "dry-run": { type: "boolean", description: "Validate and report the plan without writing." },
    json: { type: "boolean", description: "Print the result as JSON on stdout." },
  },
  examples: [
    "import sales.json --tenant globex --slug sales-analytics --map warehouse-pg=globex-pg --pending bq-events --passphrase-file pass.txt",
    "import sales.json --tenant acme --mode replace --map warehouse-pg=warehouse-pg --map snowflake-prod=snowflake-prod --map bq-events=bq-events",
    "import sales.json --tenant acme --mode merge --select models=orders --map warehouse-pg=warehouse-pg --expect-plan 3f2a…",
    "import orders-model.json --tenant acme --project marketing-dev --rename-model orders=mkt-orders --map warehouse-pg=warehouse-pg --dry-run",
  ],
  schema: z.object({
    positionals: requiredPositional("file"),
    ...importFlagsSchema,
    "expect-plan": z.string().optional(),
    "dry-run": z.boolean().default(false),
    json: z.boolean().default(false),
  }),
  async run(input, io) {
    const bundle = await readBundleFile(input.positionals[0]!);
    const options = await importOptionsFromFlags(input, bundle, {
      dryRun: input["dry-run"],
      ...(input["expect-plan"] ? { planToken: input["expect-plan"] } : {}),
    });
    const result = await runCliImport(bundle, options);
    if (input.json) io.out(JSON.stringify(result, null, 2));
    printImportResult(result, io);
  },
});
