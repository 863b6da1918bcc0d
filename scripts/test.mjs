// `npm test`: typecheck → lint → unit + integration (Vitest, real PostgreSQL) → production build →
// end-to-end (Playwright, Chromium). Stops at the first failing step; ends with one summary line.
import { spawnSync } from "node:child_process";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const bin = (name) => `node_modules/.bin/${name}`;
const steps = [
  ["typecheck", bin("tsc"), ["--noEmit"]],
  ["lint", "npm", ["run", "--silent", "lint"]],
  ["unit+integration", bin("vitest"), ["run"]],
  ["build", bin("next"), ["build"]],
  ["e2e", bin("playwright"), ["test"]],
];
const only = process.argv.slice(2);
const results = [];
const started = Date.now();
for (const [name, command, args] of steps) {
  if (only.length > 0 && !only.includes(name)) continue;
  const t0 = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  results.push(`${name} ${result.status === 0 ? "passed" : "FAILED"} (${seconds}s)`);
  if (result.status !== 0) {
    console.log(
      `\nferry test summary: ${results.join(", ")} — FAILED after ${((Date.now() - started) / 1000).toFixed(0)}s`,
    );
    process.exit(result.status ?? 1);
  }
}
console.log(
  `\nferry test summary: ${results.join(", ")} — all passed in ${((Date.now() - started) / 1000).toFixed(0)}s`,
);
