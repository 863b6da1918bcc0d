// `npm run bench`: generates the SPEC §7 workload in a scratch database, then measures export
// (API and CLI) and import (API, create mode) of it — wall time, MB/s, peak RSS of the server —
// against the floor (the same rows moved with COPY), alternating run by run (COPY out, export,
// COPY out, export…; COPY in, import…) with each ratio taken pair by pair; then, on demand, the
// scale curve; a small-project latency run and the import wizard in Chromium. Writes
// docs/benchmarks.json and docs/benchmarks.md. Flags: see the README ("Scale and benchmark").
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describeWizardRuns, measureWizard, wizardRuns, type BrowserResult } from "./browser";
import { startBenchServer } from "./bench-server";
import { assertPortFree, onCleanup, runWithCleanup } from "./cleanup";
import { openCopyFloor } from "./copy-floor";
import { treeRssMb, withPeakRss } from "./process-memory";
import { writeReport, type BenchResults } from "./report";
import { scratchDatabase } from "./scratch-database";
import { curveRatios, pairRatios, parseBenchArgs, spread, type CurvePoint } from "./stats";
import { OPTIONAL_SECTIONS } from "@/lib/bundle/sections";
import { DEFAULT_MAX_BUNDLE_MB } from "@/lib/config/limits";

const args = (() => {
  try {
    return parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
})();
const { shape, pairs } = args;
const log = (line: string) => console.log(`[bench] ${line}`);
const ADMIN = { email: "bench-admin@ferry.test", password: "bench-password-1" };
const loadAverage = () => os.loadavg().map((l) => Number(l.toFixed(2))) as [number, number, number];

runWithCleanup(async () => {
  const loadAtStart = loadAverage();
  // Before minutes of generating: a busy port fails now, not when the server cannot bind.
  await assertPortFree(args.port);
  const maxBundleMb = Number(process.env.FERRY_MAX_BUNDLE_MB ?? DEFAULT_MAX_BUNDLE_MB);
  // The generated bundle lands within a few per cent of --size-mb.
  if (args.sizeMb && args.sizeMb * 1.05 > maxBundleMb)
    throw new Error(
      `A ${args.sizeMb} MB bundle is over the server's limit of ${maxBundleMb} MB: run with FERRY_MAX_BUNDLE_MB=${Math.ceil((args.sizeMb * 1.05) / 100) * 100} or more.`,
    );
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-bench-"));
  onCleanup("work directory", () => fs.rmSync(workDir, { recursive: true, force: true }));

  const scratch = await scratchDatabase();
  onCleanup("scratch database", () => scratch.stop());
  const env = { DATABASE_URL: scratch.url, FERRY_MASTER_KEY: randomBytes(32).toString("base64") };
  Object.assign(process.env, env);
  const { db } = await import("@/lib/db");
  onCleanup("database clients", async () => {
    await db.$disconnect();
    await (globalThis as { ferryPgPool?: { end(): Promise<void> } }).ferryPgPool?.end();
  });
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
  let server = await startBenchServer({ port: args.port, env });
  const auth = { authorization: `Bearer ${token}` };
  // The token goes to curl in a file, not on its command line.
  const headerFile = path.join(workDir, "auth-header.txt");
  fs.writeFileSync(headerFile, `authorization: Bearer ${token}\n`, { mode: 0o600 });
  let idleMb = treeRssMb(server.pid, { includeRoot: false });
  log(`server up (pid ${server.pid}), idle RSS ${idleMb.toFixed(0)} MB`);

  async function timed<T>(
    what: string,
    body: () => Promise<T>,
  ): Promise<{ seconds: number; peakMb: number; value: T }> {
    const t0 = performance.now();
    const { value, peakMb } = await withPeakRss(server.pid, body);
    const seconds = (performance.now() - t0) / 1000;
    log(`${what}: ${seconds.toFixed(2)} s, server peak RSS ${peakMb.toFixed(0)} MB (idle ${idleMb.toFixed(0)} MB)`);
    return { seconds, peakMb: peakMb - idleMb, value };
  }

  const hasCurl = spawnSync("sh", ["-c", "command -v curl"]).status === 0;

  /**
   * Runs curl without blocking this process: the server's RSS is sampled on a timer meanwhile
   * (a spawnSync here would freeze the sampler, and the "peak" would be the RSS left afterwards).
   */
  function curl(args: string[], what: string, answerFile?: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn("curl", args, { stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("error", reject);
      child.on("close", (code) => {
        if (code === 0) return resolve();
        const body = answerFile && fs.existsSync(answerFile) ? fs.readFileSync(answerFile, "utf8").slice(0, 2000) : "";
        reject(new Error(`${what} failed: ${stderr}${body}`));
      });
    });
  }

  /** Downloads an export over HTTP; with curl when available, so the client costs little CPU next to the server on a small machine. */
  async function apiExport(project: string, tenant: string, file: string): Promise<number> {
    const url = `${server.url}/api/v1/projects/${project}/export?tenant=${tenant}`;
    const body = JSON.stringify({
      sections: OPTIONAL_SECTIONS,
    });
    if (hasCurl) {
      await curl(
        [
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
        ],
        "export",
      );
      return fs.statSync(file).size;
    }
    const response = await fetch(url, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body,
    });
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

  async function apiImport(
    file: string,
    tenant: string,
    slug: string,
    mapping: Record<string, unknown>,
  ): Promise<void> {
    const options = JSON.stringify({ mode: "create", tenant, projectSlug: slug, connectionMapping: mapping });
    if (hasCurl && process.env.BENCH_IMPORT_CLIENT !== "fetch") {
      // As for the export: curl streams the file from disk, so the client does not take a core
      // from the server (Node's fetch reads the file into memory and frames the multipart in JS).
      const optionsFile = path.join(workDir, "import-options.json");
      const answerFile = path.join(workDir, "import-answer.json");
      fs.writeFileSync(optionsFile, options);
      await curl(
        [
          "-sS",
          "--fail-with-body",
          "-H",
          `@${headerFile}`,
          "-F",
          `bundle=@${file};type=application/json`,
          "-F",
          `options=<${optionsFile}`,
          "-o",
          answerFile,
          `${server.url}/api/v1/projects/import`,
        ],
        "import",
        answerFile,
      );
      return;
    }
    const form = new FormData();
    form.set("bundle", new Blob([fs.readFileSync(file)], { type: "application/json" }), path.basename(file));
    form.set("options", options);
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
      const unregister = onCleanup("CLI export", () => void child.kill("SIGKILL"));
      let stderr = "";
      child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("close", (code) => {
        unregister();
        if (code !== 0) return reject(new Error(`CLI export failed: ${stderr}`));
        const kb = Math.max(0, ...[...stderr.matchAll(/FERRY_MAX_RSS_KB=(\d+)/g)].map((m) => Number(m[1])));
        if (!(kb > 0)) return reject(new Error(`The CLI export reported no peak RSS:\n${stderr.slice(-2000)}`));
        resolve({ seconds: (performance.now() - t0) / 1000, peakMb: kb / 1024 });
      });
    });
  }

  const mappingFor = (connections: number) =>
    Object.fromEntries(
      Array.from({ length: connections }, (_, i) => {
        const name = `conn-${String(i).padStart(3, "0")}`;
        return [name, { action: "map", target: name }];
      }),
    );
  const bigFile = path.join(workDir, "big.json");
  const mapping = mappingFor(shape.connections);

  const wizardLogin = () => ({
    url: server.url,
    email: ADMIN.email,
    password: ADMIN.password,
    tenant: "bench",
    file: bigFile,
    connections: shape.connections,
  });
  /** The wizard in Chromium, `--browser-runs` times, each in a fresh browser. */
  async function measureWizardRuns(): Promise<BrowserResult[]> {
    const runs: BrowserResult[] = [];
    for (let i = 0; i < args.browserRuns; i++) {
      log(`import wizard in Chromium${args.browserRuns > 1 ? ` (${i + 1}/${args.browserRuns})` : ""}…`);
      const run = await measureWizard(wizardLogin());
      log(
        `summary on screen after ${run.summarySeconds.toFixed(2)} s (in the DOM after ${run.summaryInPageSeconds.toFixed(2)} s, the page had the file after ${run.inputSeconds.toFixed(2)} s; Playwright saw it after ${run.playwrightSeconds.toFixed(2)} s), options ready after ${run.optionsSeconds.toFixed(2)} s; longest main-thread task ${run.longestTaskMs.toFixed(0)} ms (${run.longTasks} long tasks)`,
      );
      runs.push(run);
    }
    return runs;
  }

  if (args.browserOnly) {
    // The wizard alone: one export makes the bundle, then only the Chromium runs (no report).
    const exported = await timed("API export (the bundle for the wizard)", () => apiExport("big", "bench", bigFile));
    log(`bundle ${(exported.value / 1048576).toFixed(1)} MB`);
    const runs = await measureWizardRuns();
    // A profiling run after the timed ones (tracing slows the page): BENCH_BROWSER_TRACE=file.json.
    const traceFile = process.env.BENCH_BROWSER_TRACE;
    if (traceFile) {
      await measureWizard({ ...wizardLogin(), traceFile: path.resolve(traceFile) });
      log(`trace written to ${traceFile} (open it in Chromium's DevTools, Performance panel)`);
    }
    await server.stop();
    log(
      `wizard, ${runs.length} runs: ${describeWizardRuns(wizardRuns(runs))}; load average ${loadAverage().join(" / ")} (at the start ${loadAtStart.join(" / ")})`,
    );
    return;
  }

  const floor = await openCopyFloor(scratch.url, projectId);
  onCleanup("COPY floor connection", () => floor.close());

  // Export: COPY out and the API export alternate, so both see the same machine state.
  const exportPairs: { product: number; floor: number; peakMb: number }[] = [];
  let bundleBytes = 0;
  for (let i = 0; i < pairs; i++) {
    const copySeconds = await floor.copyOut();
    const result = await timed(`API export ${i + 1}/${pairs}`, () => apiExport("big", "bench", bigFile));
    bundleBytes = result.value;
    exportPairs.push({ product: result.seconds, floor: copySeconds, peakMb: result.peakMb });
    log(`  COPY out ${copySeconds.toFixed(2)} s → ${(result.seconds / copySeconds).toFixed(2)}×`);
  }
  const cliRuns: { seconds: number; peakMb: number }[] = [];
  if (args.cli)
    for (let i = 0; i < pairs; i++) {
      const result = await cliExport(path.join(workDir, "cli.json"));
      log(
        `CLI export ${i + 1}/${pairs}: ${result.seconds.toFixed(2)} s (process start included), peak RSS ${result.peakMb.toFixed(0)} MB`,
      );
      cliRuns.push(result);
    }
  await server.stop();
  server = await startBenchServer({ port: args.port, env });
  idleMb = treeRssMb(server.pid, { includeRoot: false });
  log(`server restarted for the import phase, idle RSS ${idleMb.toFixed(0)} MB`);

  // Import: COPY in and the API import alternate in the same way.
  const importPairs: { product: number; floor: number; peakMb: number }[] = [];
  for (let i = 0; i < pairs; i++) {
    const copySeconds = await floor.copyIn();
    const result = await timed(`API import ${i + 1}/${pairs}`, () =>
      apiImport(bigFile, "bench", `big-import-${i}`, mapping),
    );
    importPairs.push({ product: result.seconds, floor: copySeconds, peakMb: result.peakMb });
    log(`  COPY in ${copySeconds.toFixed(2)} s → ${(result.seconds / copySeconds).toFixed(2)}×`);
  }
  const exportRatio = spread(pairRatios(exportPairs));
  const importRatio = spread(pairRatios(importPairs));
  log(
    `export / COPY out ${exportRatio.median.toFixed(2)}× (${exportRatio.min.toFixed(2)}–${exportRatio.max.toFixed(2)}), import / COPY in ${importRatio.median.toFixed(2)}× (${importRatio.min.toFixed(2)}–${importRatio.max.toFixed(2)}), ${pairs} pairs`,
  );

  // The scale curve: one project per size (its own tenant), exported and imported once each.
  const curve: CurvePoint[] = [];
  for (const models of args.sizes) {
    const tenant = `curve-${models}`;
    log(`scale curve: generating ${models} models…`);
    await generateLargeProject({
      tenantSlug: tenant,
      projectSlug: "big",
      shape: { ...shape, models },
      adminEmail: ADMIN.email,
    });
    const file = path.join(workDir, `${tenant}.json`);
    const exported = await timed(`curve ${models} models: export`, () => apiExport("big", tenant, file));
    const imported = await timed(`curve ${models} models: import`, () =>
      apiImport(file, tenant, "big-import", mappingFor(shape.connections)),
    );
    const bundleMb = exported.value / 1048576;
    curve.push({ models, bundleMb, exportSeconds: exported.seconds, importSeconds: imported.seconds });
    log(
      `curve ${models} models, ${bundleMb.toFixed(1)} MB: export ${((exported.seconds / bundleMb) * 1000).toFixed(1)} ms/MB, import ${((imported.seconds / bundleMb) * 1000).toFixed(1)} ms/MB`,
    );
    fs.rmSync(file, { force: true });
  }
  const curveSpread = curve.length >= 2 ? curveRatios(curve) : null;
  if (curveSpread)
    log(
      `s/MB at ${Math.max(...args.sizes)} models over ${Math.min(...args.sizes)}: export ${curveSpread.export.toFixed(2)}×, import ${curveSpread.import.toFixed(2)}×`,
    );

  const small = { exportMs: 0, importMs: 0 };
  if (args.small) {
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
    small.exportMs = spread(smallExports).median * 1000;
    small.importMs = spread(smallImports).median * 1000;
  }

  const browser = args.browser ? wizardRuns(await measureWizardRuns()) : null;
  await server.stop();

  const results: BenchResults = {
    date: new Date().toISOString(),
    load: { start: loadAtStart, end: loadAverage() },
    shape,
    pairs,
    bundleMb: bundleBytes / 1048576,
    floorMb: floor.bytes() / 1048576,
    idleServerMb: idleMb,
    export: {
      apiSeconds: spread(exportPairs.map((p) => p.product)),
      copySeconds: spread(exportPairs.map((p) => p.floor)),
      ratio: exportRatio,
      apiPeakAboveIdleMb: Math.max(...exportPairs.map((p) => p.peakMb)),
      cliSeconds: cliRuns.length ? spread(cliRuns.map((c) => c.seconds)).median : null,
      cliPeakMb: cliRuns.length ? Math.max(...cliRuns.map((c) => c.peakMb)) : null,
    },
    import: {
      apiSeconds: spread(importPairs.map((p) => p.product)),
      copySeconds: spread(importPairs.map((p) => p.floor)),
      ratio: importRatio,
      apiPeakAboveIdleMb: Math.max(...importPairs.map((p) => p.peakMb)),
    },
    curve,
    curveRatios: curveSpread,
    small: args.small ? small : null,
    browser,
  };
  writeReport(results);
  log("wrote docs/benchmarks.json and docs/benchmarks.md");
});
