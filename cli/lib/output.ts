import { isAppError } from "@/lib/errors";
import { CancelledError, UsageError } from "./command";

export const EXIT = { ok: 0, error: 1, usage: 2, cancelled: 130 } as const;

/**
 * Prints an error as `error: <CODE>: <message>` on stderr and returns the exit code. Stack traces
 * only with FERRY_DEBUG=1: operators need the reason, not our internals.
 */
export function reportError(error: unknown, stderr: NodeJS.WritableStream): number {
  const debug = process.env.FERRY_DEBUG === "1";
  if (debug && error instanceof Error) stderr.write(`${error.stack ?? error.message}\n`);
  if (error instanceof UsageError) {
    stderr.write(`error: INVALID_OPTIONS: ${error.message}\n`);
    stderr.write(`Run \`npm run ferry -- ${error.command ? `${error.command} ` : ""}--help\` for usage.\n`);
    return EXIT.usage;
  }
  if (error instanceof CancelledError) {
    stderr.write("error: CANCELLED: Nothing was changed.\n");
    return EXIT.cancelled;
  }
  if (isAppError(error)) {
    stderr.write(`error: ${error.code}: ${error.message}\n`);
    const details = detailLines(error.details);
    // A single detail usually repeats the message; print details when they add something.
    if (details.length > 1 || (details[0] !== undefined && !details[0].endsWith(error.message)))
      for (const line of details) stderr.write(`  - ${line}\n`);
    return EXIT.error;
  }
  // Only the first line: some library messages go on to quote query arguments.
  const summary = error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}` : String(error);
  stderr.write(`error: INTERNAL_ERROR: ${summary}\n`);
  if (!debug) stderr.write("Set FERRY_DEBUG=1 to see the stack trace.\n");
  return EXIT.error;
}

function detailLines(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.slice(0, 50).map((detail: unknown) => {
    const { path, reason } = (detail ?? {}) as { path?: unknown; reason?: unknown };
    if (typeof reason === "string") return typeof path === "string" && path ? `${path}: ${reason}` : reason;
    return JSON.stringify(detail);
  });
}

/** Left-aligned columns for terminal output; the first row is the header. */
export function formatTable(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows
    .map((row) =>
      row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join("  "),
    )
    .join("\n");
}
