import { AppError } from "@/lib/errors";

/**
 * Import options from the browser or the REST API. `createUsers` makes an import create accounts
 * and add existing users of any tenant to the target tenant: SPEC §4 keeps that to the operator
 * CLI (`--create-users`), so web callers asking for it are refused before anything is read.
 */
export function refuseCliOnlyImportOptions(options: unknown): unknown {
  if (options !== null && typeof options === "object" && (options as { createUsers?: unknown }).createUsers !== undefined) {
    throw new AppError("FORBIDDEN", "Creating users during an import is an operator task: use the CLI (`ferry import --create-users`).");
  }
  return options;
}
