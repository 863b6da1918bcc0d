// `npm run ferry -- <command>`: Ferry's operator CLI (SPEC §8) on this process's terminal; exits
// with the command's code (see cli/main.ts).
import type { CommandIo } from "./lib/command";
import { runCli } from "./main";

const io: CommandIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  out: (line) => process.stdout.write(`${line}\n`),
  note: (line) => process.stderr.write(`${line}\n`),
};

process.exit(await runCli(process.argv.slice(2), io));
