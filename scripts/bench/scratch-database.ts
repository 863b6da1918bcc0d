import path from "node:path";
import pg from "pg";
import { assertPortFree } from "./cleanup";
import { applyMigrations } from "@/lib/database/apply-migrations";
import { ensureDatabase, startEmbeddedPostgres } from "@/lib/database/start-embedded-postgres";

/**
 * A scratch database for the benchmark: a fresh `ferry_bench` on DATABASE_URL's server, or on an
 * embedded PostgreSQL of its own under .data/bench. Dropped and recreated on every run.
 */
export async function scratchDatabase(): Promise<{ url: string; adminUrl: string; stop: () => Promise<void> }> {
  let adminUrl: string;
  let stop = async () => {};
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    const port = Number(process.env.FERRY_BENCH_PG_PORT ?? 54359);
    // Before PostgreSQL tries and fails with a line in its log.
    await assertPortFree(port, "Stop it or set FERRY_BENCH_PG_PORT to a free port.");
    const server = await startEmbeddedPostgres({
      dataDir: path.join(process.cwd(), ".data", "bench", "postgres"),
      port,
    });
    adminUrl = server.adminUrl;
    stop = () => server.stop();
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS ferry_bench WITH (FORCE)");
  await admin.end();
  await ensureDatabase(adminUrl, "ferry_bench");
  const url = new URL(adminUrl);
  url.pathname = "/ferry_bench";
  await applyMigrations({ databaseUrl: url.toString() });
  return { url: url.toString(), adminUrl, stop };
}
