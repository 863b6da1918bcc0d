import "server-only";
import pg from "pg";

// The hot paths of export and import (megabytes of JSON per statement, COPY) talk to PostgreSQL
// through `pg` directly: Prisma's query engine copies every parameter and result through its WASM
// compiler, which costs more than the database work itself at 100 MB. Everything else uses Prisma.

export type PgClient = pg.PoolClient;

const globalForPg = globalThis as unknown as { ferryPgPool?: pg.Pool };

// Prisma keeps DateTime as UTC in `timestamp(3) without time zone`; pg would read those as local
// time. Read them as UTC ISO strings, as they were written.
const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP_OID) return (value: string) => new Date(`${value.replace(" ", "T")}Z`).toISOString();
    return pg.types.getTypeParser(oid, format);
  },
};

export function pgPool(): pg.Pool {
  if (!globalForPg.ferryPgPool) {
    const pool = new pg.Pool({
      connectionString: process.env.DATABASE_URL,
      max: Number(process.env.FERRY_BULK_POOL_SIZE ?? 4),
      types: types as pg.CustomTypesConfig,
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on next use.
    pool.on("error", (error) => console.error("[ferry] idle database connection lost:", error.message));
    globalForPg.ferryPgPool = pool;
  }
  return globalForPg.ferryPgPool;
}

export interface TransactionOptions {
  isolation?: "READ COMMITTED" | "REPEATABLE READ" | "SERIALIZABLE";
  readOnly?: boolean;
}

/** Runs `work` in one transaction on one connection: COMMIT when it resolves, ROLLBACK when it throws. */
export async function withPgTransaction<T>(
  work: (client: PgClient) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const client = await pgPool().connect();
  let broken = false;
  try {
    await client.query(
      `BEGIN ISOLATION LEVEL ${options.isolation ?? "READ COMMITTED"}${options.readOnly ? " READ ONLY" : ""}`,
    );
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    // A connection whose rollback failed (e.g. killed mid-COPY) is discarded, not reused.
    client.release(broken);
  }
}
