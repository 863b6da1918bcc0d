import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createAccessTokenSchema, type CreateAccessTokenInput } from "@/lib/validations/access-token";
import { parseInput } from "@/lib/validations/parse-input";
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

const summarySelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
} as const;

/** Creates a personal access token; the plaintext is returned once and never stored. */
export async function createAccessToken(
  options: { userId: string } & CreateAccessTokenInput,
): Promise<{ token: string; summary: AccessTokenSummary }> {
  const { name, expiresInDays } = parseInput(createAccessTokenSchema, {
    name: options.name,
    expiresInDays: options.expiresInDays,
  });
  const token = newSecretToken(ACCESS_TOKEN_PREFIX);
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
  const summary = await db.apiToken.create({
    data: {
      userId: options.userId,
      name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, ACCESS_TOKEN_PREFIX.length + 6),
      expiresAt,
    },
    select: summarySelect,
  });
  return { token, summary };
}

export type AccessTokenStatus = "active" | "expired" | "revoked";
export type AccessTokenListItem = AccessTokenSummary & { status: AccessTokenStatus };

/** The user's tokens, newest first, each with its status as of now. */
export async function listAccessTokens(options: { userId: string }): Promise<AccessTokenListItem[]> {
  const tokens = await db.apiToken.findMany({
    where: { userId: options.userId },
    select: summarySelect,
    orderBy: { createdAt: "desc" },
  });
  const now = Date.now();
  return tokens.map((token) => ({
    ...token,
    status: token.revokedAt ? "revoked" : token.expiresAt && token.expiresAt.getTime() <= now ? "expired" : "active",
  }));
}

/** Revokes the user's active tokens: one by id, those with a visible prefix (CLI), or all. Returns how many. */
export async function revokeAccessToken(options: {
  userId: string;
  id?: string;
  prefix?: string;
  all?: boolean;
}): Promise<number> {
  const where = options.id ? { id: options.id } : options.prefix ? { prefix: options.prefix } : options.all ? {} : null;
  if (!where) throw new AppError("INVALID_INPUT", "Name the token to revoke.");
  const result = await db.apiToken.updateMany({
    where: { ...where, userId: options.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return result.count;
}

export async function actorFromAccessToken(token: string): Promise<Actor | null> {
  if (!token.startsWith(ACCESS_TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return null;
  // Record use at most once a minute: cheap enough, and lets users spot stale tokens.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return loadActor(row.userId, "token");
}
