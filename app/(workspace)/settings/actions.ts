"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAccessToken, revokeAccessToken } from "@/lib/auth/access-tokens";
import { requireActionActor } from "@/lib/auth/session-actor";
import { AppError } from "@/lib/errors";
import { runAction } from "@/lib/http/action-result";
import { createAccessTokenSchema } from "@/lib/validations/access-token";
import { parseInput } from "@/lib/validations/parse-input";

/** Creates a token for the signed-in user; the plaintext is answered this once and never again. */
export async function createAccessTokenAction(input: unknown) {
  return runAction("createAccessToken", async () => {
    const actor = await requireActionActor();
    const { token, summary } = await createAccessToken({
      userId: actor.userId,
      ...parseInput(createAccessTokenSchema, input),
    });
    revalidatePath("/settings");
    return { token, name: summary.name, prefix: summary.prefix };
  });
}

export async function revokeAccessTokenAction(tokenId: unknown) {
  return runAction("revokeAccessToken", async () => {
    const actor = await requireActionActor();
    const id = parseInput(z.uuid("Unknown token."), tokenId);
    // Scoped to the caller's own tokens: another user's id revokes nothing and reads as not found.
    const revoked = await revokeAccessToken({ userId: actor.userId, id });
    if (revoked === 0) throw new AppError("NOT_FOUND", "That token does not exist or is already revoked.");
    revalidatePath("/settings");
  });
}
