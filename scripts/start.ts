// `npm start`: database (embedded unless DATABASE_URL is set) → migrations → demo data on an
// empty database → production build when sources changed → the server (scripts/serve.ts: Next's
// handler behind a server that knows each request's peer) on PORT (default 3000).
// `npm run dev` does the same with `next dev`.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DATA_DIR, prepareRuntime } from "@/lib/database/prepare-runtime";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
// The address to listen on: unset, Next's default (every interface); 127.0.0.1 keeps it local.
const host = process.env.FERRY_HOST || undefined;
const root = process.cwd();
const nextBin = path.join(root, "node_modules", ".bin", "next");
const log = (line: string) => console.log(`[ferry] ${line}`);

process.env.NEXT_TELEMETRY_DISABLED = "1";
const runtime = await prepareRuntime({ log });
log(
  runtime.embedded
    ? `Using the embedded PostgreSQL (data in ${path.relative(root, path.join(DATA_DIR, "postgres"))}).`
    : "Using the PostgreSQL at DATABASE_URL.",
);

const { db } = await import("@/lib/db");
const { seedDemoData, DEMO_LOGINS, DEMO_PASSWORD } = await import("@/lib/demo/seed-demo-data");
const seeded = await seedDemoData(db);
log(seeded ? "Seeded the demo data." : "Database already has data; demo data not seeded.");
await db.$disconnect();

if (!dev && needsBuild()) {
  log("Building the app (first start, or sources changed): this takes a few minutes…");
  const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) {
    await runtime.stop();
    process.exit(build.status ?? 1);
  }
}

const tsxBin = path.join(root, "node_modules", ".bin", "tsx");
const server = dev
  ? spawn(nextBin, ["dev", "-p", String(port), ...(host ? ["-H", host] : [])], {
      stdio: ["ignore", "pipe", "inherit"],
      env: process.env,
    })
  : spawn(tsxBin, [path.join("scripts", "serve.ts")], {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, NODE_ENV: "production", PORT: String(port) },
    });
let announced = false;
server.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!announced && /Ready|started server|Local:/i.test(chunk.toString())) {
    announced = true;
    log(`Ferry is running on http://${host && host !== "0.0.0.0" && host !== "::" ? host : "localhost"}:${port}`);
    if (seeded || process.env.FERRY_PRINT_LOGINS !== "0") {
      log(`Demo logins (password: ${DEMO_PASSWORD}):`);
      for (const login of DEMO_LOGINS) log(`  ${login.email.padEnd(20)} ${login.role}`);
    }
  }
});

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (server.exitCode === null) server.kill("SIGTERM");
  await runtime.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
server.on("exit", (code) => void shutdown(code ?? 0));

/** A build is needed when there is none, or when a source file is newer than it. */
function needsBuild(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  const sources = [
    "app",
    "components",
    "lib",
    "public",
    "generated",
    "next.config.ts",
    "package.json",
    "postcss.config.mjs",
  ];
  return sources.some((entry) => newestMtime(path.join(root, entry)) > builtAt);
}

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}
