import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// Attempt limits for sign-in and bundle passphrases, in fixed one-minute windows shared by every
// app instance through PostgreSQL. Each attempt first takes a slot with one atomic
// increment-and-return per key, so parallel attempts cannot all read "under the limit" before any
// of them writes; a refused attempt gives its slots back.

export interface AttemptLimit {
  key: string;
  limit: number;
}

/** Sign-in, counted on failure: per account and address, per account, per address. */
export const LOGIN_ATTEMPTS_PER_MINUTE = 10;
export const LOGIN_ATTEMPTS_PER_ACCOUNT_PER_MINUTE = 30;
export const LOGIN_ATTEMPTS_PER_IP_PER_MINUTE = 60;
/** Every passphrase attempt counts (each costs a key derivation), per user. */
export const PASSPHRASE_ATTEMPTS_PER_MINUTE = 20;

const windowStart = () => new Date(Math.floor(Date.now() / 60_000) * 60_000);

/** Adds one to the key's count in this window and answers the new count, in one statement. */
async function take(key: string, start: Date): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitHit" ("key", "windowStart", "count") VALUES (${key}, ${start}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitHit"."count" + 1
    RETURNING "count"`;
  return Number(rows[0]!.count);
}

async function giveBack(keys: string[], start: Date): Promise<void> {
  for (const key of keys)
    await db.$executeRaw`
      UPDATE "RateLimitHit" SET "count" = "count" - 1
      WHERE "key" = ${key} AND "windowStart" = ${start} AND "count" > 0`;
}

/**
 * Runs `attempt` under its limits: RATE_LIMITED when any is exhausted. `count: "every"` keeps
 * every attempt's slot; `"failures"` gives it back unless the attempt failed with an error
 * matching `isFailure` (a wrong password), so legitimate use never trips the limit.
 */
export async function withAttemptLimit<T>(
  options: {
    limits: AttemptLimit[];
    what: string;
    isFailure: (error: unknown) => boolean;
    count?: "every" | "failures";
  },
  attempt: () => Promise<T>,
): Promise<T> {
  const start = windowStart();
  const keys = options.limits.map((l) => l.key);
  const taken: string[] = [];
  let exhausted = false;
  for (const { key, limit } of options.limits) {
    const count = await take(key, start);
    taken.push(key);
    if (count > limit) {
      exhausted = true;
      break;
    }
  }
  if (exhausted) {
    await giveBack(taken, start);
    const failed = options.count === "failures" ? "failed " : "";
    throw new AppError("RATE_LIMITED", `Too many ${failed}${options.what} attempts. Wait a minute and try again.`);
  }
  // Old windows are useless; trimming them here keeps the table tiny without a scheduler.
  if (Math.random() < 0.05)
    await db.rateLimitHit.deleteMany({ where: { windowStart: { lt: new Date(Date.now() - 10 * 60_000) } } });
  try {
    const result = await attempt();
    if (options.count === "failures") await giveBack(keys, start);
    return result;
  } catch (error) {
    if (options.count === "failures" && !options.isFailure(error)) await giveBack(keys, start);
    throw error;
  }
}
