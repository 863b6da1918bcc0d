import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { format } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  cliImportArgs,
  importOptions,
  leakProblems,
  loadCorpus,
  TARGET_TENANT,
  type BadBundleCase,
} from "@/test/bad-bundles";
import { dbFingerprint } from "@/test/db-fingerprint";
import { ferry, type CliResult } from "@/test/run-cli";
import type { CommandIo } from "./lib/command";
import { runCli } from "./main";

// The bad-input corpus through `ferry import`: exit code 1 and `error: <CODE>:` on stderr for
// every bad case, no stack trace or secret in the output, and the database unchanged.
//
// Each case runs once. A sample runs as real CLI processes (each a cold start of seconds): the
// first case of every outcome, every case with an environment or a CLI outcome of its own, the
// first valid one. The others run the same command line through `runCli` in this process, with
// its output captured: the same code from the arguments on, without 200 cold starts.

const corpus = loadCorpus();
const outcomeOf = (c: BadBundleCase) => c.cli ?? c.expect;
const inProcess = (c: BadBundleCase) =>
  !c.env && !c.cli && corpus.cases.find((other) => outcomeOf(other) === outcomeOf(c)) !== c;
const failing = corpus.cases.filter((c) => c.expect !== "ok");
const valid = corpus.cases.filter((c) => c.expect === "ok");
const CONCURRENCY = 2;

/** Runs the command line in this process, keeping the test's database connections open. */
async function ferryInProcess(args: string[]): Promise<CliResult> {
  const output = { stdout: "", stderr: "" };
  const sink = (name: keyof typeof output) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        output[name] += chunk.toString();
        done();
      },
    }) as unknown as NodeJS.WriteStream;
  const io: CommandIo = {
    stdout: sink("stdout"),
    stderr: sink("stderr"),
    out: (line) => io.stdout.write(`${line}\n`),
    note: (line) => io.stderr.write(`${line}\n`),
  };
  // As the real CLI runs: without FERRY_DEBUG, and with what the code logs counted as output too.
  const saved = { debug: process.env.FERRY_DEBUG, console: { ...console } };
  delete process.env.FERRY_DEBUG;
  const log =
    (name: keyof typeof output) =>
    (...values: unknown[]) =>
      void (output[name] += `${format(...values)}\n`);
  Object.assign(console, { log: log("stdout"), info: log("stdout"), warn: log("stderr"), error: log("stderr") });
  try {
    const code = await runCli(args, io, { keepConnections: true });
    return { code, ...output };
  } finally {
    Object.assign(console, saved.console);
    if (saved.debug !== undefined) process.env.FERRY_DEBUG = saved.debug;
  }
}

const runCase = (c: BadBundleCase) =>
  inProcess(c) ? ferryInProcess(cliImportArgs(c, passphraseFile)) : ferry(cliImportArgs(c, passphraseFile), c.env);

const dir = mkdtempSync(path.join(tmpdir(), "ferry-cli-corpus-"));
let files = 0;
const passphraseFile = (passphrase: string) => {
  const file = path.join(dir, `passphrase-${files++}.txt`);
  writeFileSync(file, passphrase, { mode: 0o600 });
  return file;
};

function expectCliOutcome(c: BadBundleCase, result: CliResult): void {
  const outcome = c.cli ?? c.expect;
  const output = `${result.stdout}\n${result.stderr}`;
  const label = `${c.id}: ${result.stderr.slice(0, 400)}`;
  expect(leakProblems(output, corpus.secrets), label).toEqual([]);
  if (outcome === "ok") {
    expect(result.code, label).toBe(0);
    return;
  }
  expect(result.code, label).toBe(1);
  expect(result.stderr, label).toMatch(new RegExp(`^error: ${outcome}: .{10,}`, "m"));
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

describe("the bad-input corpus through the CLI", () => {
  let before: Record<string, string>;
  const results = new Map<string, CliResult>();

  beforeAll(async () => {
    before = await dbFingerprint();
    const run = async (c: BadBundleCase) => {
      // Wrong passphrases count against the CLI actor's failure limit; it has its own test.
      await db.rateLimitHit.deleteMany();
      results.set(c.id, await runCase(c));
    };
    // The processes' cold starts and the in-process cases (one at a time) side by side.
    await Promise.all([
      eachLimited(
        failing.filter((c) => !inProcess(c)),
        CONCURRENCY,
        run,
      ),
      eachLimited(failing.filter(inProcess), 1, run),
    ]);
    expect(failing.filter((c) => !inProcess(c)).length).toBeLessThan(30);
  }, 600_000); // a few dozen cold CLI starts: a minute or two on a busy 2-core machine

  it.each(failing)("$id: $expect", (c) => {
    expectCliOutcome(c, results.get(c.id)!);
  });

  it("left the database unchanged after every failing case", async () => {
    expect(await dbFingerprint()).toEqual(before);
  });

  it.each(valid)("$id imports", async (c) => {
    expectCliOutcome(c, await runCase(c));
    expect(
      await db.project.count({
        where: { slug: String(importOptions(c).projectSlug), tenant: { slug: TARGET_TENANT } },
      }),
    ).toBe(1);
  });
});
