import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
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

// The bad-input corpus through `ferry import`: exit code 1 and `error: <CODE>:` on stderr for
// every bad case, no stack trace or secret in the output, and the database unchanged. Failing
// cases run four CLI processes at a time (each is a cold start); valid ones after them, in turn.

const corpus = loadCorpus();
const failing = corpus.cases.filter((c) => c.expect !== "ok");
const valid = corpus.cases.filter((c) => c.expect === "ok");
const CONCURRENCY = 4;

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
    await eachLimited(failing, CONCURRENCY, async (c) => {
      // Wrong passphrases count against the CLI actor's failure limit; it has its own test.
      await db.rateLimitHit.deleteMany();
      results.set(c.id, await ferry(cliImportArgs(c, passphraseFile), c.env));
    });
  }, 1_500_000); // 200 cold CLI starts: minutes on a busy 2-core machine

  it.each(failing)("$id: $expect", (c) => {
    expectCliOutcome(c, results.get(c.id)!);
  });

  it("left the database unchanged after every failing case", async () => {
    expect(await dbFingerprint()).toEqual(before);
  });

  it.each(valid)("$id imports", async (c) => {
    expectCliOutcome(c, await ferry(cliImportArgs(c, passphraseFile), c.env));
    expect(
      await db.project.count({
        where: { slug: String(importOptions(c).projectSlug), tenant: { slug: TARGET_TENANT } },
      }),
    ).toBe(1);
  });
});
