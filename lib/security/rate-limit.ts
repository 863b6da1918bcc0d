import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Counts an attempt under each key (e.g. "login:user@x:1.2.3.4") in fixed one-minute windows,
 * shared by every app instance through PostgreSQL. Throws RATE_LIMITED past a key's limit.
 */
export async function consumeRateLimit(options: { limits: { key: string; limit: number }[]; what: string }): Promise<void> {
  const windowStart = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  for (const { key, limit } of options.limits) {
    const rows = await db.$queryRaw<{ count: number }[]>`
      INSERT INTO "RateLimitHit" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitHit"."count" + 1
      RETURNING "count"`;
    if ((rows[0]?.count ?? 0) > limit) {
      throw new AppError("RATE_LIMITED", `Too many ${options.what} attempts. Wait a minute and try again.`);
    }
  }
  // Old windows are useless; trimming them here keeps the table tiny without a scheduler.
  if (Math.random() < 0.05) await db.rateLimitHit.deleteMany({ where: { windowStart: { lt: new Date(Date.now() - 10 * 60_000) } } });
}

/** Per user and IP; a looser per-IP cap stops one address spraying many accounts. */
export const LOGIN_ATTEMPTS_PER_MINUTE = 10;
export const LOGIN_ATTEMPTS_PER_IP_PER_MINUTE = 60;
export const PASSPHRASE_ATTEMPTS_PER_MINUTE = 10;
