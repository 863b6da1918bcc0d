import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function createClient(): PrismaClient {
  // `npm start`, the CLI and the tests always provide DATABASE_URL (the embedded server's when
  // unset by the user). `next build` imports this module without one and never queries.
  const connectionString = process.env.DATABASE_URL ?? "";
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: Number(process.env.FERRY_DB_POOL_SIZE ?? 10) }),
    // Imports of large projects hold one transaction for a while; the defaults (5 s) are for requests.
    transactionOptions: { maxWait: 10_000, timeout: 10 * 60_000 },
  });
}

const globalForDb = globalThis as unknown as { ferryDb?: PrismaClient };

/** The one Prisma client of the process (kept on globalThis so dev reloads do not leak pools). */
export const db: PrismaClient = globalForDb.ferryDb ?? createClient();
globalForDb.ferryDb = db;
