import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { applyMigrations } from "./apply-migrations";
import { ensureDatabase, startEmbeddedPostgres } from "./start-embedded-postgres";

/** Where the embedded database and the generated master key live (FERRY_DATA_DIR, default .data/). */
export const DATA_DIR = path.resolve(process.env.FERRY_DATA_DIR ?? path.join(process.cwd(), ".data"));
export const DEFAULT_EMBEDDED_PORT = 54329;

export interface Runtime {
  databaseUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * Makes DATABASE_URL and FERRY_MASTER_KEY available to this process (and its children):
 * the user's PostgreSQL when DATABASE_URL is set, else the embedded server under .data/;
 * migrations are applied either way.
 */
export async function prepareRuntime(
  options: { log?: (line: string) => void; migrate?: boolean } = {},
): Promise<Runtime> {
  const log = options.log ?? (() => {});
  let runtime: Runtime;
  if (process.env.DATABASE_URL) {
    runtime = { databaseUrl: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  } else {
    const port = Number(process.env.FERRY_EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PORT);
    const server = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "postgres"), port, log });
    await ensureDatabase(server.adminUrl, "ferry");
    runtime = { databaseUrl: server.urlFor("ferry"), embedded: true, stop: () => server.stop() };
    process.env.DATABASE_URL = runtime.databaseUrl;
  }
  process.env.FERRY_MASTER_KEY = resolveMasterKey({ embedded: runtime.embedded });
  if (options.migrate !== false) {
    const applied = await applyMigrations({ databaseUrl: runtime.databaseUrl });
    for (const migration of applied.filter((m) => m.applied)) log(`Applied migration ${migration.name}.`);
  }
  return runtime;
}

/**
 * FERRY_MASTER_KEY wins. Otherwise the key lives in .data/master.key, generated on first start —
 * except in production against the user's own PostgreSQL, where a lost key would make every
 * stored secret unreadable: there it must be set explicitly.
 */
export function resolveMasterKey(options: { embedded: boolean }): string {
  if (process.env.FERRY_MASTER_KEY) return process.env.FERRY_MASTER_KEY;
  const file = path.join(DATA_DIR, "master.key");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  if (!options.embedded && process.env.NODE_ENV === "production") {
    throw new Error(
      "FERRY_MASTER_KEY must be set when DATABASE_URL points at your own PostgreSQL in production (32 random bytes, base64: `openssl rand -base64 32`).",
    );
  }
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const key = randomBytes(32).toString("base64");
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
