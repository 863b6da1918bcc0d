import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Answers once the database does (health checks): a trivial query, or UNAVAILABLE (503). */
export async function checkDatabase(): Promise<void> {
  try {
    await db.$queryRaw`SELECT 1`;
  } catch (error) {
    // Logged here because the AppError below deliberately carries no internals to the caller.
    console.error(
      "[ferry] health check: the database did not answer:",
      error instanceof Error ? error.message : String(error),
    );
    throw new AppError("UNAVAILABLE", "The database is not reachable.");
  }
}
