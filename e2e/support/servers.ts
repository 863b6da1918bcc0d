import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// Extra Ferry servers for the end-to-end tests (a second instance on the same database, a server
// to kill): production builds started by scripts/start.ts in their own process group, their
// output in .data/e2e/<name>.log for the log audit (e2e/server-log.spec.ts).

export const E2E_PORT = Number(process.env.FERRY_E2E_PORT ?? 3100);
export const E2E_DATA_DIR = path.join(process.cwd(), ".data", "e2e");
const E2E_PG_PORT = Number(process.env.FERRY_EMBEDDED_PG_PORT ?? 54349);

/** Ports for extra servers: offsets from the suite's own, so parallel checkouts never collide. */
export const SECOND_INSTANCE_PORT = Number(process.env.FERRY_E2E_SECOND_PORT ?? E2E_PORT + 2);
export const KILL_TEST_PORT = Number(process.env.FERRY_KILL_TEST_PORT ?? E2E_PORT + 3);
export const KILL_TEST_PG_PORT = Number(process.env.FERRY_KILL_TEST_PG_PORT ?? E2E_PG_PORT + 2);

/** The database of the suite's main server (scripts/e2e-server.ts). */
export function e2eDatabaseUrl(): string {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = "/ferry_e2e";
    return url.toString();
  }
  return embeddedUrl(E2E_DATA_DIR, E2E_PG_PORT);
}

export function e2eMasterKey(): string {
  return process.env.FERRY_MASTER_KEY ?? fs.readFileSync(path.join(E2E_DATA_DIR, "master.key"), "utf8").trim();
}

/** The connection string of the embedded PostgreSQL a server keeps under `dataDir`. */
export function embeddedUrl(dataDir: string, port: number): string {
  const { password } = JSON.parse(fs.readFileSync(path.join(dataDir, "postgres.credentials.json"), "utf8")) as {
    password: string;
  };
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/ferry`;
}

export interface FerryServer {
  url: string;
  process: ChildProcess;
  /** Stops the whole process group with SIGTERM (graceful) or SIGKILL (a crash), and waits. */
  stop(signal?: "SIGTERM" | "SIGKILL"): Promise<void>;
}

export async function startFerry(options: {
  name: string;
  port: number;
  env: Record<string, string | undefined>;
}): Promise<FerryServer> {
  fs.mkdirSync(E2E_DATA_DIR, { recursive: true });
  const log = fs.createWriteStream(path.join(E2E_DATA_DIR, `${options.name}.log`), { flags: "a" });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    FERRY_TRUSTED_PROXIES: "127.0.0.1,::1",
    FERRY_PRINT_LOGINS: "0",
    PORT: String(options.port),
  };
  for (const [key, value] of Object.entries(options.env)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const child = spawn(
    path.join("node_modules", ".bin", "tsx"),
    ["--conditions=react-server", path.join("scripts", "start.ts")],
    { env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const url = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`Ferry server ${options.name} exited with ${child.exitCode}; see .data/e2e/${options.name}.log`);
    if (Date.now() > deadline) throw new Error(`Ferry server ${options.name} did not answer on ${url}`);
    const healthy = await fetch(`${url}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    process: child,
    async stop(signal = "SIGTERM") {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // Already gone.
      }
      await exited;
      await waitForGroupExit(child.pid!);
    },
  };
}

/** Waits until no process of the group is left (PostgreSQL included). */
async function waitForGroupExit(pgid: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Process group ${pgid} did not exit`);
}
