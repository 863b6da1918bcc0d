// Serves the app for the end-to-end tests on a fresh, seeded database: a separate embedded
// PostgreSQL under .data/e2e (or, with DATABASE_URL set, a `ferry_e2e` database recreated on
// that server), then hands over to the regular start script.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const dataDir = path.join(process.cwd(), ".data", "e2e");
if (process.env.DATABASE_URL) {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS ferry_e2e WITH (FORCE)");
  await admin.query("CREATE DATABASE ferry_e2e");
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = "/ferry_e2e";
  process.env.DATABASE_URL = url.toString();
} else {
  fs.rmSync(path.join(dataDir, "postgres"), { recursive: true, force: true });
  process.env.FERRY_EMBEDDED_PG_PORT ??= "54349";
}
process.env.FERRY_DATA_DIR = dataDir;
process.env.FERRY_E2E = "1";
await import("./start");
