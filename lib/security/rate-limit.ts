import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// Failed-attempt limits for sign-in and bundle passphrases, in fixed one-minute windows shared by
// every app instance through PostgreSQL. Only failures count, so legitimate use never trips them.

export interface AttemptLimit {
  key: string;
  limit: number;
}

/** Per user and IP; a looser per-IP cap stops one address spraying many accounts. */
export const LOGIN_ATTEMPTS_PER_MINUTE = 10;
export const LOGIN_ATTEMPTS_PER_IP_PER_MINUTE = 60;
export const PASSPHRASE_ATTEMPTS_PER_MINUTE = 10;

const windowStart = () => new Date(Math.floor(Date.now() / 60_000) * 60_000);

/** Throws RATE_LIMITED when any key already reached its limit of failures in this window. */
export async function assertNotRateLimited(options: { limits: AttemptLimit[]; what: string }): Promise<void> {
  const rows = await db.rateLimitHit.findMany({
    where: { windowStart: windowStart(), key: { in: options.limits.map((l) => l.key) } },
    select: { key: true, count: true },
  });
  for (const row of rows) {
    const limit = options.limits.find((l) => l.key === row.key)!.limit;
    if (row.count >= limit)
      throw new AppError("RATE_LIMITED", `Too many failed ${options.what} attempts. Wait a minute and try again.`);
  }
}

export async function recordFailedAttempt(options: { keys: string[] }): Promise<void> {
  const start = windowStart();
  for (const key of options.keys) {
    await db.$executeRaw`
      INSERT INTO "RateLimitHit" ("key", "windowStart", "count") VALUES (${key}, ${start}, 1)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitHit"."count" + 1`;
  }
  // Old windows are useless; trimming them here keeps the table tiny without a scheduler.
  if (Math.random() < 0.05)
    await db.rateLimitHit.deleteMany({ where: { windowStart: { lt: new Date(Date.now() - 10 * 60_000) } } });
}

/** Runs `attempt` under a failure limit: RATE_LIMITED when exhausted; failures matching `isFailure` count. */
export async function withAttemptLimit<T>(
  options: { limits: AttemptLimit[]; what: string; isFailure: (error: unknown) => boolean },
  attempt: () => Promise<T>,
): Promise<T> {
  await assertNotRateLimited(options);
  try {
    return await attempt();
  } catch (error) {
    if (options.isFailure(error)) await recordFailedAttempt({ keys: options.limits.map((l) => l.key) });
    throw error;
  }
}
