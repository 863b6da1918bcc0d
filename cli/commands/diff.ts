import { z } from "zod";
import { defineCommand } from "../lib/command";
import { readBundleFile } from "../lib/import-flags";

export const diffCommand = defineCommand({
  name: "diff",
  summary: "Show the semantic difference between two bundle files (usable as a git diff driver)",
  usage: "diff <before.json> <after.json>",
  description:
    "Compares two bundles item by item, as a replace of <before> by <after> would: + added, ~ changed (with JSON paths, before → after), - removed, = unchanged. Secrets show only as states. Exits 0 when they are the same, 2 when they differ. For git, see the README (a `diff` driver for *-export-*.json files); git calls drivers with seven arguments, and `diff` then compares the 2nd and 5th.",
  positionals: [
    { name: "before", description: "The older bundle." },
    { name: "after", description: "The newer bundle." },
  ],
  maxPositionals: 7,
  options: {},
  database: false,
  examples: ["diff sales-analytics-export-2026-11-01.json sales-analytics-export-2026-12-01.json"],
  schema: z.object({
    positionals: z
      .array(z.string())
      .refine((p) => p.length === 2 || p.length === 7, "diff takes two files (or git's seven diff-driver arguments)."),
  }),
  async run(input, io) {
    const { diffBundles } = await import("@/lib/import/diff-bundles");
    const { renderPlan } = await import("@/lib/import/render-plan");
    // As a git external diff driver: path old-file old-hex old-mode new-file new-hex new-mode.
    const [before, after] =
      input.positionals.length === 7 ? [input.positionals[1]!, input.positionals[4]!] : input.positionals;
    const changes = diffBundles(await readBundleFile(before!), await readBundleFile(after!));
    if (input.positionals.length === 7) io.out(`diff ${input.positionals[0]}`);
    io.stdout.write(renderPlan(changes));
    return changes.changes ? 2 : 0;
  },
});
