import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadActor, type Actor } from "./actor";
import { ACCESS_TOKEN_PREFIX, hashToken, newSecretToken } from "./tokens";

export interface AccessTokenSummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

const summarySelect = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true } as const;

/** Creates a personal access token; the plaintext is returned once and never stored. */
export async function createAccessToken(options: { userId: string; name: string; expiresInDays?: number }): Promise<{ token: string; summary: AccessTokenSummary }> {
  const name = options.name.trim();
  if (!name || name.length > 100) throw new AppError("INVALID_INPUT", "A token needs a name of 1 to 100 characters.");
  const token = newSecretToken(ACCESS_TOKEN_PREFIX);
  const expiresAt = options.expiresInDays ? new Date(Date.now() + options.expiresInDays * 86_400_000) : null;
  const summary = await db.apiToken.create({
    data: { userId: options.userId, name, tokenHash: hashToken(token), prefix: token.slice(0, ACCESS_TOKEN_PREFIX.length + 6), expiresAt },
    select: summarySelect,
  });
  return { token, summary };
}

export async function listAccessTokens(options: { userId: string }): Promise<AccessTokenSummary[]> {
  return db.apiToken.findMany({ where: { userId: options.userId }, select: summarySelect, orderBy: { createdAt: "desc" } });
}

/** Revokes one of the user's tokens (by id, or by its visible prefix for the CLI). */
export async function revokeAccessToken(options: { userId: string; id?: string; prefix?: string }): Promise<number> {
  const where = options.id ? { id: options.id } : options.prefix ? { prefix: options.prefix } : null;
  if (!where) throw new AppError("INVALID_INPUT", "Name the token to revoke.");
  const result = await db.apiToken.updateMany({ where: { ...where, userId: options.userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return result.count;
}

export async function actorFromAccessToken(token: string): Promise<Actor | null> {
  if (!token.startsWith(ACCESS_TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, userId: true, revokedAt: true, expiresAt: true, lastUsedAt: true } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return null;
  // Record use at most once a minute: cheap enough, and lets users spot stale tokens.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return loadActor(row.userId, "token");
}
