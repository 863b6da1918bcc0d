// `npm run bench`: generates the SPEC §7 workload in a scratch database, then measures export
// (API and CLI) and import (API, create mode) of it — wall time, MB/s, peak RSS of the server —
// against the floor (the same rows moved with COPY), a small-project latency run and the import
// wizard in Chromium. Writes docs/benchmarks.json and docs/benchmarks.md.
//   npm run bench -- [--models 200] [--versions 25] [--snapshot-kb 20] [--connections 100]
//                    [--settings 2000] [--bindings 1000] [--runs 3] [--no-browser]
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { measureWizard, type BrowserResult } from "./browser";
import { startBenchServer } from "./bench-server";
import { measureCopyFloor, median } from "./copy-floor";
import { treeMemory, withPeakRss } from "./process-memory";
import { writeReport, type BenchResults } from "./report";
import { scratchDatabase } from "./scratch-database";
import { OPTIONAL_SECTIONS } from "@/lib/bundle/sections";

const { values: args } = parseArgs({
  options: {
    models: { type: "string", default: "200" },
    versions: { type: "string", default: "25" },
    "snapshot-kb": { type: "string", default: "20" },
    connections: { type: "string", default: "100" },
    settings: { type: "string", default: "2000" },
    bindings: { type: "string", default: "1000" },
    runs: { type: "string", default: "3" },
    port: { type: "string", default: "3900" },
    "no-browser": { type: "boolean", default: false },
  },
});
const shape = {
  models: Number(args.models),
  versions: Number(args.versions),
  snapshotKb: Number(args["snapshot-kb"]),
  connections: Number(args.connections),
  settings: Number(args.settings),
  accessBindings: Number(args.bindings),
};
const runs = Number(args.runs);
const log = (line: string) => console.log(`[bench] ${line}`);
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-bench-"));
const ADMIN = { email: "bench-admin@ferry.test", password: "bench-password-1" };

const scratch = await scratchDatabase();
const env = { DATABASE_URL: scratch.url, FERRY_MASTER_KEY: randomBytes(32).toString("base64") };
Object.assign(process.env, env);
const { db } = await import("@/lib/db");
const { seedDemoData } = await import("@/lib/demo/seed-demo-data");
const { generateLargeProject } = await import("@/lib/demo/generate-large-project");
const { hashPassword } = await import("@/lib/auth/password");
const { createAccessToken } = await import("@/lib/auth/access-tokens");

log(
  `generating ${shape.models} models × ${shape.versions} versions × ${shape.snapshotKb} KB, ${shape.connections} connections, ${shape.settings} settings, ${shape.accessBindings} bindings…`,
);
const started = performance.now();
await seedDemoData(db);
const { projectId } = await generateLargeProject({
  tenantSlug: "bench",
  projectSlug: "big",
  shape,
  adminEmail: ADMIN.email,
});
await db.user.update({ where: { email: ADMIN.email }, data: { passwordHash: await hashPassword(ADMIN.password) } });
const admin = await db.user.findUniqueOrThrow({ where: { email: ADMIN.email } });
const token = (await createAccessToken({ userId: admin.id, name: "bench" })).token;
log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

// Each phase gets a freshly started server, so "above idle" is measured against a real idle
// process, not one whose heap an earlier phase already grew.
let server = await startBenchServer({ port: Number(args.port), env });
const auth = { authorization: `Bearer ${token}` };
// The token goes to curl in a file, not on its command line.
const headerFile = path.join(workDir, "auth-header.txt");
fs.writeFileSync(headerFile, `authorization: Bearer ${token}\n`, { mode: 0o600 });
let idle = treeMemory(server.pid, { includeRoot: false });
log(`server up (pid ${server.pid}), idle RSS ${idle.rssMb.toFixed(0)} MB`);

async function timed<T>(what: string, body: () => Promise<T>): Promise<{ seconds: number; peakMb: number; value: T }> {
  const t0 = performance.now();
  const { value, peakMb } = await withPeakRss(server.pid, body);
  const seconds = (performance.now() - t0) / 1000;
  log(`${what}: ${seconds.toFixed(2)} s, server peak RSS ${peakMb.toFixed(0)} MB (idle ${idle.rssMb.toFixed(0)} MB)`);
  return { seconds, peakMb: peakMb - idle.rssMb, value };
}

const hasCurl = spawnSync("sh", ["-c", "command -v curl"]).status === 0;

/** Downloads an export over HTTP; with curl when available, so the client costs little CPU next to the server on a small machine. */
async function apiExport(project: string, tenant: string, file: string): Promise<number> {
  const url = `${server.url}/api/v1/projects/${project}/export?tenant=${tenant}`;
  const body = JSON.stringify({
    sections: OPTIONAL_SECTIONS,
  });
  if (hasCurl) {
    const result = spawnSync("curl", [
      "-sS",
      "--fail",
      "-X",
      "POST",
      "-H",
      "content-type: application/json",
      "-H",
      `@${headerFile}`,
      "--data-binary",
      body,
      "-o",
      file,
      url,
    ]);
    if (result.status !== 0) throw new Error(`export failed: ${result.stderr.toString()}`);
    return fs.statSync(file).size;
  }
  const response = await fetch(url, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body });
  if (!response.ok) throw new Error(`export failed: ${response.status} ${await response.text()}`);
  const out = fs.createWriteStream(file);
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return bytes;
}

async function apiImport(file: string, tenant: string, slug: string, mapping: Record<string, unknown>): Promise<void> {
  const form = new FormData();
  form.set("bundle", new Blob([fs.readFileSync(file)], { type: "application/json" }), path.basename(file));
  form.set("options", JSON.stringify({ mode: "create", tenant, projectSlug: slug, connectionMapping: mapping }));
  const response = await fetch(`${server.url}/api/v1/projects/import`, { method: "POST", headers: auth, body: form });
  if (!response.ok) throw new Error(`import failed: ${response.status} ${await response.text()}`);
  await response.json();
}

function cliExport(file: string): Promise<{ seconds: number; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(
      "node_modules/.bin/tsx",
      [
        "--conditions=react-server",
        "cli/index.ts",
        "export",
        "big",
        "--tenant",
        "bench",
        "--sections",
        OPTIONAL_SECTIONS.join(","),
        "--out",
        file,
      ],
      {
        env: { ...process.env, ...env, NODE_OPTIONS: `--require ${path.resolve("scripts/bench/report-rss.cjs")}` },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`CLI export failed: ${stderr}`));
      const kb = Math.max(...[...stderr.matchAll(/FERRY_MAX_RSS_KB=(\d+)/g)].map((m) => Number(m[1])));
      resolve({ seconds: (performance.now() - t0) / 1000, peakMb: kb / 1024 });
    });
  });
}

const bigFile = path.join(workDir, "big.json");
const mapping = Object.fromEntries(
  Array.from({ length: shape.connections }, (_, i) => [
    `conn-${String(i).padStart(3, "0")}`,
    { action: "map", target: `conn-${String(i).padStart(3, "0")}` },
  ]),
);
const exports: { seconds: number; peakMb: number }[] = [];
let bundleBytes = 0;
for (let i = 0; i < runs; i++) {
  const result = await timed(`API export ${i + 1}/${runs}`, () => apiExport("big", "bench", bigFile));
  bundleBytes = result.value;
  exports.push(result);
}
const cliRuns: { seconds: number; peakMb: number }[] = [];
for (let i = 0; i < runs; i++) {
  const result = await cliExport(path.join(workDir, "cli.json"));
  log(
    `CLI export ${i + 1}/${runs}: ${result.seconds.toFixed(2)} s (process start included), peak RSS ${result.peakMb.toFixed(0)} MB`,
  );
  cliRuns.push(result);
}
await server.stop();
server = await startBenchServer({ port: Number(args.port), env });
idle = treeMemory(server.pid, { includeRoot: false });
log(`server restarted for the import phase, idle RSS ${idle.rssMb.toFixed(0)} MB`);
const imports: { seconds: number; peakMb: number }[] = [];
for (let i = 0; i < runs; i++)
  imports.push(
    await timed(`API import ${i + 1}/${runs}`, () => apiImport(bigFile, "bench", `big-import-${i}`, mapping)),
  );

log("measuring the COPY floor…");
const floor = await measureCopyFloor(scratch.url, projectId, runs);
log(
  `COPY out ${floor.outSeconds.toFixed(2)} s, COPY in ${floor.inSeconds.toFixed(2)} s (${(floor.bytes / 1048576).toFixed(1)} MB of rows)`,
);

log("small project (demo acme/sales-analytics) latency…");
const smallFile = path.join(workDir, "small.json");
const smallExports: number[] = [];
const smallImports: number[] = [];
for (let i = 0; i < 10; i++)
  smallExports.push(
    (await timed(`small export ${i + 1}`, () => apiExport("sales-analytics", "acme", smallFile))).seconds,
  );
const smallMapping = Object.fromEntries(
  ["bq-events", "snowflake-prod", "warehouse-pg"].map((name) => [name, { action: "map", target: name }]),
);
for (let i = 0; i < 10; i++)
  smallImports.push(
    (await timed(`small import ${i + 1}`, () => apiImport(smallFile, "acme", `small-${i}`, smallMapping))).seconds,
  );

let browser: BrowserResult | null = null;
if (!args["no-browser"]) {
  log("import wizard in Chromium…");
  browser = await measureWizard({
    url: server.url,
    email: ADMIN.email,
    password: ADMIN.password,
    tenant: "bench",
    file: bigFile,
  });
  log(
    `summary after ${browser.summarySeconds.toFixed(2)} s; longest main-thread task ${browser.longestTaskMs.toFixed(0)} ms (${browser.longTasks} long tasks)`,
  );
}

await server.stop();
await db.$disconnect();
await (globalThis as { ferryPgPool?: { end(): Promise<void> } }).ferryPgPool?.end();
await scratch.stop();
fs.rmSync(workDir, { recursive: true, force: true });

const results: BenchResults = {
  date: new Date().toISOString(),
  shape,
  runs,
  bundleMb: bundleBytes / 1048576,
  idleServerMb: idle.rssMb,
  export: {
    apiSeconds: median(exports.map((e) => e.seconds)),
    apiPeakAboveIdleMb: Math.max(...exports.map((e) => e.peakMb)),
    cliSeconds: median(cliRuns.map((c) => c.seconds)),
    cliPeakMb: Math.max(...cliRuns.map((c) => c.peakMb)),
  },
  import: {
    apiSeconds: median(imports.map((e) => e.seconds)),
    apiPeakAboveIdleMb: Math.max(...imports.map((e) => e.peakMb)),
  },
  floor,
  small: { exportMs: median(smallExports) * 1000, importMs: median(smallImports) * 1000 },
  browser,
};
writeReport(results);
log("wrote docs/benchmarks.json and docs/benchmarks.md");
process.exit(0);
