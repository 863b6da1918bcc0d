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

export const planCommand = defineCommand({
  name: "plan",
  summary: "Show what importing a bundle would change, item by item, without writing (exit 2: changes)",
  usage: "plan <file> [import flags…] [--json]",
  description:
    "Plans the import exactly as `import` would run it, in the target's current state, and prints it the way `terraform plan` does: + create, ~ update (with the changed paths, before → after; secrets only as states), - delete or unlink, > link, = unchanged, kept or skipped. Nothing is written. Exits 0 when nothing would change, 2 when something would (1 on an error). The last line is the plan token: pass it to `import --expect-plan` to import exactly this plan or nothing.",
  positionals: [{ name: "file", description: "The bundle (.json)." }],
  options: { ...IMPORT_FLAGS, json: { type: "boolean", description: "Print the plan (the dry-run result) as JSON." } },
  examples: [
    "plan sales.json --tenant acme --mode replace --slug sales-analytics --map warehouse-pg=warehouse-pg --map snowflake-prod=snowflake-prod --map bq-events=bq-events",
    "plan sales.json --tenant acme --mode merge --select models=orders --map warehouse-pg=warehouse-pg --json",
  ],
  schema: z.object({ positionals: requiredPositional("file"), ...importFlagsSchema, json: z.boolean().default(false) }),
  async run(input, io) {
    const { renderPlan } = await import("@/lib/import/render-plan");
    const bundle = await readBundleFile(input.positionals[0]!);
    const options = await importOptionsFromFlags(input, bundle, { dryRun: true });
    const result = await runCliImport(bundle, options);
    if (input.json) io.out(JSON.stringify(result, null, 2));
    else {
      io.stdout.write(renderPlan(result.plan));
      for (const warning of result.warnings) io.out(`Warning: ${warning.message}`);
      io.out(`Plan token: ${result.planToken}`);
    }
    return result.plan.changes ? 2 : 0;
  },
});
