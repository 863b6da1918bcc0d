import { z } from "zod";
import { formatUtc } from "@/lib/utils";
import { requiredFlag, wholeNumberFlag } from "../lib/args";
import { defineCommand } from "../lib/command";

export const tokenCreateCommand = defineCommand({
  name: "token create",
  summary: "Create a personal access token for a user and print it",
  usage: "token create --email EMAIL [--name NAME] [--expires-days DAYS]",
  description:
    "Creates a personal access token for the API. Only the token goes to stdout (a note goes to stderr), so it can be piped straight into a secret store. It is shown this once: Ferry keeps only its hash.",
  options: {
    email: { type: "string", value: "EMAIL", description: "The user the token acts as." },
    name: { type: "string", value: "NAME", description: 'What the token is for (default "cli").' },
    "expires-days": { type: "string", value: "DAYS", description: "Let it expire after DAYS days (default: never)." },
  },
  examples: ["token create --email lead@acme.test --name ci --expires-days 90 > ci.token"],
  schema: z.object({
    email: requiredFlag("email"),
    name: z.string().default("cli"),
    "expires-days": wholeNumberFlag("expires-days").optional(),
  }),
  async run(input, io) {
    const { requireUserByEmail } = await import("@/lib/users/require-user");
    const { createAccessToken } = await import("@/lib/auth/access-tokens");
    const user = await requireUserByEmail({ email: input.email });
    const { token, summary } = await createAccessToken({
      userId: user.id,
      name: input.name,
      expiresInDays: input["expires-days"],
    });
    io.out(token);
    const expiry = summary.expiresAt ? `expires ${formatUtc(summary.expiresAt)}` : "never expires";
    io.note(
      `Created token "${summary.name}" (${summary.prefix}…) for ${user.email}; it ${expiry}. It is not shown again.`,
    );
  },
});
