import type { CliCommand } from "./command";

const INVOKE = "npm run ferry --";

export function rootHelp(commands: CliCommand[]): string {
  return [
    "Ferry's operator CLI. It works on the database directly: the PostgreSQL at DATABASE_URL, or the",
    "embedded one under .data/ (FERRY_DATA_DIR) when DATABASE_URL is unset.",
    "",
    `Usage: ${INVOKE} <command> [options]`,
    "",
    "Commands:",
    ...commandList(commands),
    "",
    `Run \`${INVOKE} <command> --help\` for a command's options. Exit codes: 0 done, 1 failed, 2 usage error.`,
    "",
  ].join("\n");
}

export function groupHelp(group: string, commands: CliCommand[]): string {
  return [
    `Usage: ${INVOKE} ${group} <command> [options]`,
    "",
    "Commands:",
    ...commandList(commands),
    "",
    `Run \`${INVOKE} ${group} <command> --help\` for its options.`,
    "",
  ].join("\n");
}

export function commandHelp(command: CliCommand): string {
  const options = Object.entries(command.options).map(([name, spec]) => [
    `${spec.short ? `-${spec.short}, ` : ""}--${name}${spec.type === "string" ? ` ${spec.value ?? "VALUE"}` : ""}`,
    spec.description + (spec.multiple ? " Repeatable." : ""),
  ]);
  options.push(["-h, --help", "Show this help."]);
  const lines = [`Usage: ${INVOKE} ${command.usage}`, "", command.description ?? command.summary + ".", ""];
  if (command.positionals?.length)
    lines.push("Arguments:", ...columns(command.positionals.map((p) => [p.name, p.description])), "");
  lines.push("Options:", ...columns(options), "");
  if (command.examples?.length)
    lines.push("Examples:", ...command.examples.map((example) => `  ${INVOKE} ${example}`), "");
  return lines.join("\n");
}

function commandList(commands: CliCommand[]): string[] {
  return columns(commands.map((command) => [command.name, command.summary]));
}

function columns(rows: string[][]): string[] {
  const width = Math.max(...rows.map(([left]) => (left ?? "").length));
  return rows.map(([left, right]) => `  ${(left ?? "").padEnd(width)}  ${right ?? ""}`);
}
