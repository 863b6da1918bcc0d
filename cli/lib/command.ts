import type { z } from "zod";

// A CLI command: its help, how its arguments are parsed and validated, and what it runs.
//
// Commands import lib modules inside run(), not at the top of their file: `@/lib/db` reads
// DATABASE_URL when first imported, and the CLI sets it (prepareRuntime) only after the
// arguments are known to be valid, so `--help` and usage errors never start a database.

export interface OptionSpec {
  type: "string" | "boolean";
  description: string;
  /** Name of the value in the help, e.g. EMAIL (string options). */
  value?: string;
  multiple?: boolean;
  short?: string;
}

export interface PositionalSpec {
  name: string;
  description: string;
}

export interface CommandIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** A line of the command's result (stdout). */
  out(line: string): void;
  /** A line meant for the person at the terminal, never for a pipe (stderr). */
  note(line: string): void;
}

export interface CliCommand<S extends z.ZodType = z.ZodType> {
  /** One or two words, e.g. "export" or "token create". */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The synopsis after `npm run ferry --`, e.g. "token revoke --email EMAIL (--prefix PREFIX | --all)". */
  usage: string;
  description?: string;
  options: Record<string, OptionSpec>;
  positionals?: PositionalSpec[];
  /** When more positionals than those described are accepted (a git diff driver's seven). */
  maxPositionals?: number;
  examples?: string[];
  /** Validates `{ ...options, positionals }`; a failure is a usage error (exit code 2). */
  schema: S;
  /** False for commands that never touch the database (default true). */
  database?: boolean;
  // Method syntax on purpose: lets the registry hold commands of different input types.
  /** Resolves to the exit code when it is not 0 by success alone (`plan`: 2 when something would change). */
  run(input: z.output<S>, io: CommandIo): Promise<void | number>;
}

export function defineCommand<S extends z.ZodType>(command: CliCommand<S>): CliCommand<S> {
  return command;
}

/** Bad command-line syntax: unknown command or option, missing or malformed value (exit code 2). */
export class UsageError extends Error {
  override readonly name = "UsageError";
  /** The command whose --help explains the fix (root help when absent). */
  readonly command?: string;

  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}

/** The person at the terminal cancelled a prompt (Ctrl-C). */
export class CancelledError extends Error {
  override readonly name = "CancelledError";
}
