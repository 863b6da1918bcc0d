// Serves the app for the end-to-end tests on a fresh, seeded database: a separate embedded
// PostgreSQL under .data/e2e (or, with DATABASE_URL set, a `ferry_e2e` database recreated on
// that server), then runs the regular start script. Its output also goes to .data/e2e/server.log,
// which the end-to-end suite reads at the end to prove no secret or token was ever logged.
import { spawn } from "node:child_process";
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
// The tests play the reverse proxy (X-Forwarded-For / -Proto from loopback), as a deployment's would.
process.env.FERRY_TRUSTED_PROXIES ??= "127.0.0.1,::1";
process.env.FERRY_E2E = "1";

fs.mkdirSync(dataDir, { recursive: true });
// Logs of earlier runs (this server's and the extra servers' the tests start) would confuse the audit.
for (const name of fs.readdirSync(dataDir)) if (name.endsWith(".log")) fs.rmSync(path.join(dataDir, name));
const log = fs.createWriteStream(path.join(dataDir, "server.log"));
const server = spawn(
  path.join("node_modules", ".bin", "tsx"),
  ["--conditions=react-server", path.join("scripts", "start.ts")],
  { stdio: ["ignore", "pipe", "pipe"], env: process.env },
);
server.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  log.write(chunk);
});
server.stderr.on("data", (chunk: Buffer) => {
  process.stderr.write(chunk);
  log.write(chunk);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => log.end(() => process.exit(code ?? 1)));
