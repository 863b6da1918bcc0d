import { createAccessToken, revokeAccessToken } from "@/lib/auth/access-tokens";
import { createSession } from "@/lib/auth/sessions";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { actorFor } from "./actors";

// Credentials for API tests, made through the same functions the app uses.

/**
 * A personal access token of a demo user. `unstamped`: a token records its use at most once a
 * minute; a stamp in the future keeps that bookkeeping out of "database unchanged" comparisons.
 */
export async function demoToken(email: string, options: { unstamped?: boolean } = {}): Promise<string> {
  const created = await createAccessToken({ userId: (await actorFor(email)).userId, name: "tests" });
  if (options.unstamped)
    await db.apiToken.update({
      where: { id: created.summary.id },
      data: { lastUsedAt: new Date(Date.now() + 86_400_000) },
    });
  return created.token;
}

/** A revoked and an expired personal access token, and an expired session, of one user. */
export async function deadCredentials(
  email: string,
): Promise<{ revokedToken: string; expiredToken: string; expiredSession: string }> {
  const actor = await actorFor(email);
  const revoked = await createAccessToken({ userId: actor.userId, name: "revoked" });
  await revokeAccessToken({ userId: actor.userId, id: revoked.summary.id });
  const expired = await createAccessToken({ userId: actor.userId, name: "expired", expiresInDays: 1 });
  await db.apiToken.update({ where: { id: expired.summary.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  return { revokedToken: revoked.token, expiredToken: expired.token, expiredSession: await expiredSession(email) };
}

export async function expiredSession(email: string): Promise<string> {
  const session = await createSession((await actorFor(email)).userId);
  await db.session.update({
    where: { tokenHash: hashToken(session.token) },
    data: { expiresAt: new Date(Date.now() - 1000) },
  });
  return session.token;
}
