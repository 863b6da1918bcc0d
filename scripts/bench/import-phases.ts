// `npm run bench:import-phases`: where an import's time and memory go, in process. Generates a
// project (the SPEC §7 shape by default; `--models 1 --settings 1000000` for the many-settings
// case), exports it to a file, then imports that file as a new project the way the import route
// does — parsed from the file through a window, snapshots digested while parsing — printing each
// phase the import reports with the seconds since the start, the resident memory above idle, its
// peak so far (VmHWM, reset before the import) and the JavaScript heap. `--cpu-prof` on the node
// command line adds a profile. Linux only (reads /proc/self).
// `--threads 1` checks every model on the main thread (two, with the worker, is the route's way);
// `--threads alternate` runs 1 and 2 in turn (odd runs one thread), for a side-by-side ratio.
//   npm run bench:import-phases -- [--models 200] [--settings 2000] [--runs 1] [--threads 1|2|alternate]
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { scratchDatabase } from "./scratch-database";
import { PROJECT_SHAPE_OPTIONS, projectShape } from "./stats";
import { OPTIONAL_SECTIONS } from "@/lib/bundle/sections";

const { values: args } = parseArgs({
  options: {
    ...PROJECT_SHAPE_OPTIONS,
    runs: { type: "string", default: "1" },
    threads: { type: "string", default: "2" },
  },
});
const shape = projectShape(args);
const log = (line: string) => console.log(`[bench:import-phases] ${line}`);
const mb = (bytes: number) => bytes / 1024 / 1024;
const peakMb = () => Number(/^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync("/proc/self/status", "utf8"))![1]) / 1024;

const scratch = await scratchDatabase();
process.env.DATABASE_URL = scratch.url;
process.env.FERRY_MASTER_KEY = randomBytes(32).toString("base64");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-import-phases-"));
try {
  const { db } = await import("@/lib/db");
  const { seedDemoData } = await import("@/lib/demo/seed-demo-data");
  const { generateLargeProject } = await import("@/lib/demo/generate-large-project");
  const { prepareExport } = await import("@/lib/export/export-project");
  const { loadActorByEmail } = await import("@/lib/auth/actor");
  const { importProject } = await import("@/lib/import/import-project");
  const { parseBundleSource } = await import("@/lib/bundle/parse-bundle");
  const { parseUploadedBundle } = await import("@/lib/bundle/check-models-in-parallel");
  const { ByteSource } = await import("@/lib/bundle/byte-source");
  const { parseImportOptions } = await import("@/lib/import/import-options");
  const { sha256 } = await import("@/lib/import/plan-token");

  log(`generating ${shape.models} models × ${shape.versions} versions, ${shape.settings} settings…`);
  await seedDemoData(db);
  const adminEmail = "bench-admin@ferry.test";
  await generateLargeProject({ tenantSlug: "bench", projectSlug: "big", shape, adminEmail });
  const actor = (await loadActorByEmail(adminEmail, "token"))!;
  const file = path.join(dir, "bundle.json");
  const prepared = await prepareExport({
    actor,
    tenantSlug: "bench",
    projectSlug: "big",
    options: { stable: true, sections: OPTIONAL_SECTIONS },
  });
  const out = fs.createWriteStream(file);
  for await (const chunk of prepared.open() as AsyncIterable<Uint8Array>)
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  await new Promise<void>((resolve) => out.end(() => resolve()));
  const size = fs.statSync(file).size;
  log(`bundle: ${mb(size).toFixed(1)} MB`);
  const connectionMapping = Object.fromEntries(
    Array.from({ length: shape.connections }, (_, i) => {
      const name = `conn-${String(i).padStart(3, "0")}`;
      return [name, { action: "map", target: name }];
    }),
  );

  for (let run = 1; run <= Number(args.runs); run++) {
    const idle = mb(process.memoryUsage().rss);
    fs.writeFileSync("/proc/self/clear_refs", "5"); // resets VmHWM to the current RSS
    const fd = fs.openSync(file, "r");
    const source = ByteSource.reading(size, (start, end) => {
      const buffer = Buffer.allocUnsafe(end - start);
      fs.readSync(fd, buffer, 0, end - start, start);
      return buffer;
    });
    const started = performance.now();
    const mark = (label: string) => {
      const memory = process.memoryUsage();
      log(
        `run ${run} ${((performance.now() - started) / 1000).toFixed(2)} s ${label.padEnd(12)} RSS above idle ${(mb(memory.rss) - idle).toFixed(0)} MB, peak ${(peakMb() - idle).toFixed(0)} MB, heap ${mb(memory.heapUsed).toFixed(0)} MB`,
      );
    };
    let last = "";
    try {
      const stats = { onWorker: 0 };
      const oneThread = args.threads === "1" || (args.threads === "alternate" && run % 2 === 1);
      const bundle = oneThread
        ? parseBundleSource(source, Number.MAX_SAFE_INTEGER, sha256)
        : await parseUploadedBundle(source, Number.MAX_SAFE_INTEGER, { stats });
      mark(`parsed (${stats.onWorker} of ${bundle.models.length} models on the worker)`);
      await importProject({
        actor,
        bundle,
        options: parseImportOptions({ mode: "create", tenant: "bench", projectSlug: `copy-${run}`, connectionMapping }),
        // One line per phase (versions report their progress many times).
        onProgress: (phase) => {
          if (phase !== last) mark(phase);
          last = phase;
        },
      });
      mark("imported");
    } finally {
      fs.closeSync(fd);
    }
    const peak = peakMb() - idle;
    log(
      `run ${run}: ${((performance.now() - started) / 1000).toFixed(2)} s, peak ${peak.toFixed(0)} MB above idle = ${(peak / mb(size)).toFixed(2)}× the bundle`,
    );
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
  await scratch.stop();
}
