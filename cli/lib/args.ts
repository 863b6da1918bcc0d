import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import { tenantRoleSchema } from "@/lib/validations/user";
import { UsageError, type CliCommand } from "./command";

/** Parses a command's arguments (strictly: unknown options are usage errors) and validates them. */
export function parseCommandArgs<S extends z.ZodType>(command: CliCommand<S>, args: string[]): z.output<S> {
  const options: NonNullable<ParseArgsConfig["options"]> = {};
  for (const [name, spec] of Object.entries(command.options))
    options[name] = { type: spec.type, multiple: spec.multiple ?? false, ...(spec.short ? { short: spec.short } : {}) };
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Only the command line's faults are usage errors; a bad option table is our bug.
    if (!String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS")) throw error;
    const message = (error as Error).message;
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    throw new UsageError(unknown ? `Unknown option "${unknown[1]}".` : message, command.name);
  }
  const expected = command.maxPositionals ?? command.positionals?.length ?? 0;
  if (parsed.positionals.length > expected)
    throw new UsageError(`Unexpected argument "${parsed.positionals[expected]}".`, command.name);
  const result = command.schema.safeParse({ ...parsed.values, positionals: parsed.positionals });
  if (!result.success) throw new UsageError(result.error.issues.map((issue) => issue.message).join(" "), command.name);
  return result.data;
}

/** True when the arguments ask for help (before any other parsing, so help always works). */
export function wantsHelp(args: string[]): boolean {
  return args.includes("--help") || args.includes("-h");
}

// Zod helpers whose messages name the flag, since the person reading them typed flags.

export function requiredFlag(flag: string) {
  return z.string({ error: `--${flag} is required.` }).min(1, `--${flag} needs a value.`);
}

export function wholeNumberFlag(flag: string) {
  return z
    .string()
    .regex(/^\d+$/, `--${flag} must be a whole number.`)
    .transform((value) => Number.parseInt(value, 10));
}

export function requiredPositional(name: string, index = 0) {
  return z.array(z.string()).refine((values) => (values[index] ?? "") !== "", `The ${name} argument is required.`);
}

/** TENANT_ADMIN or MEMBER, in any case. */
export function tenantRoleFlag(flag: string) {
  return requiredFlag(flag)
    .transform((value) => value.toUpperCase())
    .pipe(tenantRoleSchema);
}
