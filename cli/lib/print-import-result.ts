import type { ImportResult } from "@/lib/import/import-result";
import type { CommandIo } from "./command";

/** The human summary of an import, on stderr (stdout stays free for --json). */
export function printImportResult(result: ImportResult, io: CommandIo): void {
  const where = `${result.project.tenant}/${result.project.slug}`;
  io.note(
    result.dryRun
      ? `Dry run: nothing was written. Importing would ${result.mode} ${where}.`
      : `Imported into ${where} (${result.mode}).`,
  );
  for (const [section, count] of Object.entries(result.summary)) {
    const parts = [
      `${count.created} created`,
      count.updated ? `${count.updated} updated` : null,
      count.skipped ? `${count.skipped} skipped` : null,
    ].filter(Boolean);
    io.note(`  ${section.padEnd(15)} ${parts.join(", ")}`);
  }
  for (const c of result.connections)
    io.note(
      `  connection ${c.exportedName} → ${c.action === "map" ? `mapped to ${c.targetName}` : c.action === "create" ? `created as ${c.targetName}` : `created as ${c.targetName} (pending credentials)`}`,
    );
  if (result.warnings.length > 0) {
    io.note("Warnings:");
    for (const warning of result.warnings) io.note(`  - ${warning.message}`);
  }
  if (result.requiredActions.length > 0) {
    io.note("Next steps:");
    for (const action of result.requiredActions) io.note(`  - ${action.message}`);
  }
  if (result.snapshot)
    io.note(
      `Snapshot ${result.snapshot.id} holds the previous state: \`restore ${result.project.slug} ${result.snapshot.id}\` undoes this.`,
    );
  if (result.resultHref) io.note(`Result: ${result.resultHref}`);
}
