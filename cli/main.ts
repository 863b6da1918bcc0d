// Ferry's operator CLI (SPEC §8) as a function: parses the command line, prepares the database
// (DATABASE_URL or the embedded PostgreSQL, migrations), runs one command from the registry and
// resolves to 0 (done), 1 (failed), 2 (usage error) or 130 (cancelled). `cli/index.ts` runs it.
import { prepareRuntime, type Runtime } from "@/lib/database/prepare-runtime";
import { parseCommandArgs, wantsHelp } from "./lib/args";
import { UsageError, type CliCommand, type CommandIo } from "./lib/command";
import { commandHelp, groupHelp, rootHelp } from "./lib/help";
import { EXIT, reportError } from "./lib/output";
import { COMMANDS } from "./registry";

type Resolved = { help: string } | { command: CliCommand; args: string[] };

/** Finds the command named by the leading words (longest name first), or the help to print. */
function resolve(argv: string[]): Resolved {
  const words: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith("-") || words.length === 2) break;
    words.push(arg);
  }
  for (const length of [2, 1]) {
    const command =
      words.length >= length ? COMMANDS.find((c) => c.name === words.slice(0, length).join(" ")) : undefined;
    if (command) return { command, args: argv.slice(length) };
  }
  const group = words[0] ? COMMANDS.filter((c) => c.name.startsWith(`${words[0]} `)) : [];
  if (group.length > 0) {
    if (words.length === 1 && wantsHelp(argv)) return { help: groupHelp(words[0]!, group) };
    throw new UsageError(
      words[1]
        ? `Unknown command "${words.join(" ")}".`
        : `"${words[0]}" needs a command: ${group.map((c) => c.name).join(", ")}.`,
      words[0],
    );
  }
  if (words.length === 0 && wantsHelp(argv)) return { help: rootHelp(COMMANDS) };
  if (words.length === 0) throw new UsageError(argv.length === 0 ? "Name a command." : `Unknown option "${argv[0]}".`);
  throw new UsageError(`Unknown command "${words[0]}".`);
}

/**
 * Runs one command line with `io` and resolves to its exit code. Afterwards it closes the
 * database connections (so the process can end at once) unless `keepConnections` is set, for a
 * caller that runs several command lines in one process (the bad-input corpus test).
 */
export async function runCli(
  argv: string[],
  io: CommandIo,
  options: { keepConnections?: boolean } = {},
): Promise<number> {
  let runtime: Runtime | undefined;
  try {
    const resolved = resolve(argv);
    if ("help" in resolved) {
      io.stdout.write(resolved.help);
      return EXIT.ok;
    }
    const { command, args } = resolved;
    if (wantsHelp(args)) {
      io.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    const input = parseCommandArgs(command, args);
    if (command.database !== false) runtime = await prepareRuntime({ log: (line) => io.note(`ferry: ${line}`) });
    const code = await command.run(input, io);
    return typeof code === "number" ? code : EXIT.ok;
  } catch (error) {
    const code = reportError(error, io.stderr);
    if (argv.length === 0) io.stderr.write(`\n${rootHelp(COMMANDS)}`);
    return code;
  } finally {
    if (!options.keepConnections) await closeRuntime(runtime);
  }
}

/** Closes the pool and the embedded server (when this process started it) so the process ends now. */
async function closeRuntime(runtime: Runtime | undefined): Promise<void> {
  const handles = globalThis as {
    ferryDb?: { $disconnect(): Promise<void> };
    ferryPgPool?: { end(): Promise<void> };
  };
  await handles.ferryDb?.$disconnect().catch(() => {});
  await handles.ferryPgPool?.end().catch(() => {});
  await runtime?.stop().catch(() => {});
}
