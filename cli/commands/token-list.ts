import { z } from "zod";
import { formatUtc } from "@/lib/utils";
import { requiredFlag } from "../lib/args";
import { defineCommand } from "../lib/command";
import { formatTable } from "../lib/output";

export const tokenListCommand = defineCommand({
  name: "token list",
  summary: "List a user's personal access tokens (never the tokens themselves)",
  usage: "token list --email EMAIL",
  options: { email: { type: "string", value: "EMAIL", description: "Whose tokens to list." } },
  examples: ["token list --email lead@acme.test"],
  schema: z.object({ email: requiredFlag("email") }),
  async run(input, io) {
    const { requireUserByEmail } = await import("@/lib/users/require-user");
    const { listAccessTokens } = await import("@/lib/auth/access-tokens");
    const user = await requireUserByEmail({ email: input.email });
    const tokens = await listAccessTokens({ userId: user.id });
    if (tokens.length === 0) return io.note(`${user.email} has no tokens.`);
    const when = (date: Date | null) => (date ? formatUtc(date) : "never");
    const rows = tokens.map((t) => [
      t.prefix,
      t.status,
      t.name,
      formatUtc(t.createdAt),
      when(t.lastUsedAt),
      when(t.expiresAt),
    ]);
    io.out(formatTable([["PREFIX", "STATUS", "NAME", "CREATED", "LAST USED", "EXPIRES"], ...rows]));
  },
});
