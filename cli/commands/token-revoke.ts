import { z } from "zod";
import { ACCESS_TOKEN_PREFIX } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { requiredFlag } from "../lib/args";
import { defineCommand } from "../lib/command";

export const tokenRevokeCommand = defineCommand({
  name: "token revoke",
  summary: "Revoke one of a user's tokens (by prefix) or all of them",
  usage: "token revoke --email EMAIL (--prefix PREFIX | --all)",
  description: "Revokes personal access tokens at once: API calls with them answer 401 from then on.",
  options: {
    email: { type: "string", value: "EMAIL", description: "Whose token to revoke." },
    prefix: {
      type: "string",
      value: "PREFIX",
      description: "The token's prefix, as `token list` shows it (e.g. ferry_pat_Ab3dEf).",
    },
    all: { type: "boolean", description: "Revoke every active token of the user." },
  },
  examples: [
    "token revoke --email lead@acme.test --prefix ferry_pat_Ab3dEf",
    "token revoke --email lead@acme.test --all",
  ],
  schema: z
    .object({
      email: requiredFlag("email"),
      prefix: z.string().min(1, "--prefix needs a value.").optional(),
      all: z.boolean().default(false),
    })
    .refine((input) => (input.prefix === undefined) === input.all, "Give either --prefix PREFIX or --all."),
  async run(input, io) {
    const { requireUserByEmail } = await import("@/lib/users/require-user");
    const { revokeAccessToken } = await import("@/lib/auth/access-tokens");
    const user = await requireUserByEmail({ email: input.email });
    // Accept the prefix as listed, with or without its ellipsis or the ferry_pat_ part.
    const bare = input.prefix?.replace(/…$/, "");
    const prefix = bare === undefined || bare.startsWith(ACCESS_TOKEN_PREFIX) ? bare : ACCESS_TOKEN_PREFIX + bare;
    const count = await revokeAccessToken({ userId: user.id, prefix, all: input.all });
    if (prefix !== undefined && count === 0)
      throw new AppError("NOT_FOUND", `${user.email} has no active token with the prefix "${prefix}".`);
    io.out(`Revoked ${count} token${count === 1 ? "" : "s"} of ${user.email}.`);
  },
});
