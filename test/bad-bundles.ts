import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ErrorCode } from "@/lib/errors";
import { generateBadBundles } from "./fixtures/bad-bundles/generate";

// The bad-input corpus (test/fixtures/bad-bundles/cases.json), shared by the API and CLI runs.

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", "bad-bundles");

export type Outcome = ErrorCode | "ok";

export interface BadBundleCase {
  id: string;
  /** A checked-in file under test/fixtures/bad-bundles/ … */
  file?: string;
  /** … or one made by generate.ts. */
  generated?: string;
  expect: Outcome;
  /** The preview route's outcome when it differs (it validates the file but does not unlock or plan). */
  preview?: Outcome;
  /** The CLI's outcome when it differs. */
  cli?: Outcome;
  /** Import options over the defaults ({ mode: "create", tenant: "globex", projectSlug: <from id> }). */
  options?: Record<string, unknown>;
  /** Environment for the case (e.g. a small FERRY_MAX_BUNDLE_MB). */
  env?: Record<string, string>;
  why: string;
}

interface Manifest {
  passphrase: string;
  /** Plaintexts of the corpus's encrypted credentials: no output may ever contain them. */
  secrets: string[];
  cases: BadBundleCase[];
}

export const TARGET_TENANT = "globex";

export function loadCorpus(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(DIR, "cases.json"), "utf8")) as Manifest;
}

/** The case's file on disk (generated ones are written on first use). */
export function casePath(c: BadBundleCase): string {
  if (c.file) return path.join(DIR, c.file);
  const generated = generateBadBundles()[c.generated ?? ""];
  if (!generated) throw new Error(`Unknown generated case ${c.generated}`);
  return generated;
}

/** A project slug of its own per case, so the cases that succeed never collide. */
function caseSlug(c: BadBundleCase): string {
  return `c-${c.id.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`.slice(0, 63).replace(/-+$/, "");
}

export function importOptions(c: BadBundleCase): Record<string, unknown> {
  return { mode: "create", tenant: TARGET_TENANT, projectSlug: caseSlug(c), ...c.options };
}

/** The same options as CLI flags; the passphrase goes through a file, as the CLI requires. */
export function cliImportArgs(c: BadBundleCase, writePassphraseFile: (passphrase: string) => string): string[] {
  const options = importOptions(c);
  const args = [
    "import",
    casePath(c),
    "--tenant",
    String(options.tenant),
    "--mode",
    String(options.mode),
    "--slug",
    String(options.projectSlug),
  ];
  if (typeof options.passphrase === "string") args.push("--passphrase-file", writePassphraseFile(options.passphrase));
  const mapping = (options.connectionMapping ?? {}) as Record<
    string,
    { action: string; target?: string; name?: string }
  >;
  for (const [exported, entry] of Object.entries(mapping)) {
    const value =
      entry.action === "map" ? `${exported}=${entry.target}` : entry.name ? `${exported}=${entry.name}` : exported;
    args.push(`--${entry.action}`, value);
  }
  return args;
}

/** Text that must never appear in an answer: a stack frame, a source path, a corpus secret. */
export function leakProblems(text: string, secrets: string[]): string[] {
  const problems: string[] = [];
  if (/^\s+at .+\(?.*:\d+:\d+\)?$/m.test(text)) problems.push("stack trace");
  if (/node_modules|\.tsx?:\d+/.test(text) || text.includes(process.cwd())) problems.push("source path");
  for (const secret of secrets) if (text.includes(secret)) problems.push(`secret ${secret}`);
  return problems;
}
