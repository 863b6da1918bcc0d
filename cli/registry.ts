import { detachCommand } from "./commands/detach";
import { diffCommand } from "./commands/diff";
import { duplicateCommand } from "./commands/duplicate";
import { exportCommand } from "./commands/export";
import { historyCommand } from "./commands/history";
import { importCommand } from "./commands/import";
import { mcpCommand } from "./commands/mcp";
import { planCommand } from "./commands/plan";
import { restoreCommand } from "./commands/restore";
import { tenantAddMemberCommand } from "./commands/tenant-add-member";
import { tenantCreateCommand } from "./commands/tenant-create";
import { tokenCreateCommand } from "./commands/token-create";
import { tokenListCommand } from "./commands/token-list";
import { tokenRevokeCommand } from "./commands/token-revoke";
import { userCreateCommand } from "./commands/user-create";
import type { CliCommand } from "./lib/command";

/** Every CLI command, in the order `--help` lists them. A new command: one file, one line here. */
export const COMMANDS: CliCommand[] = [
  exportCommand,
  importCommand,
  planCommand,
  diffCommand,
  historyCommand,
  restoreCommand,
  duplicateCommand,
  detachCommand,
  mcpCommand,
  tokenCreateCommand,
  tokenListCommand,
  tokenRevokeCommand,
  userCreateCommand,
  tenantCreateCommand,
  tenantAddMemberCommand,
];
