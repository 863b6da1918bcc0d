import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ERROR_STATUS } from "@/lib/errors";
import { bundleForm } from "@/test/bundle-form";
import {
  casePath,
  importOptions,
  leakProblems,
  loadCorpus,
  TARGET_TENANT,
  type BadBundleCase,
  type Outcome,
} from "@/test/bad-bundles";
import { dbFingerprint } from "@/test/db-fingerprint";
import { demoToken } from "@/test/tokens";
import { GET as health } from "./health/route";
import { POST as preview } from "./projects/import/preview/route";
import { POST as importProject } from "./projects/import/route";

// Every case of the bad-input corpus through both import routes, called as Next calls them, as
// the target tenant's admin: the right code and status, never a 500, no stack trace or secret,
// the health route still answering, and the database unchanged unless the case is valid input.

const corpus = loadCorpus();
// Failing cases first: they must meet the pristine target (a valid case creates connections).
const cases = [...corpus.cases.filter((c) => c.expect !== "ok"), ...corpus.cases.filter((c) => c.expect === "ok")];
let token = "";
/** What the database must still look like after a case that fails. */
let expected: Record<string, string> = {};

beforeAll(async () => {
  token = await demoToken("admin@globex.test", { unstamped: true });
  expected = await dbFingerprint();
});

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, path: string, body: BodyInit, headers: Record<string, string> = {}) {
  const response = await handler(
    new Request(`http://ferry.test${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, ...headers },
      body,
    }),
    { params: Promise.resolve({}) },
  );
  return { status: response.status, text: await response.text() };
}

function expectOutcome(surface: string, c: BadBundleCase, outcome: Outcome, answer: { status: number; text: string }) {
  const label = `${c.id} via ${surface}: ${answer.text.slice(0, 300)}`;
  expect(leakProblems(answer.text, corpus.secrets), label).toEqual([]);
  const body = JSON.parse(answer.text) as { error?: { code: string; message: string; details?: unknown } };
  if (outcome === "ok") {
    expect(answer.status, label).toBe(200);
    return;
  }
  expect([answer.status, body.error?.code], label).toEqual([ERROR_STATUS[outcome], outcome]);
  expect(body.error!.message.length, label).toBeGreaterThan(10);
  if (Array.isArray(body.error!.details)) expect(body.error!.details.length, label).toBeLessThanOrEqual(50);
}

async function withEnv<T>(env: Record<string, string> | undefined, body: () => Promise<T>): Promise<T> {
  const previous = Object.fromEntries(Object.keys(env ?? {}).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return await body();
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

describe("the bad-input corpus through the API", () => {
  it("has at least 40 cases, each with a reason and an existing file", () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(corpus.cases.map((c) => c.id)).size).toBe(corpus.cases.length);
    for (const c of corpus.cases) {
      expect(c.why, c.id).not.toBe("");
      expect(fs.existsSync(casePath(c)), c.id).toBe(true);
    }
  });

  it.each(cases)("$id: $expect ($why)", async (c) => {
    // Several cases are wrong passphrases on purpose; the failure limit has its own test.
    await db.rateLimitHit.deleteMany();
    const bytes = fs.readFileSync(casePath(c));
    await withEnv(c.env, async () => {
      const previewed = await call(preview, `/api/v1/projects/import/preview?tenant=${TARGET_TENANT}`, bytes, {
        "content-type": "application/json",
      });
      expectOutcome("preview", c, c.preview ?? c.expect, previewed);
      const imported = await call(importProject, "/api/v1/projects/import", bundleForm(bytes, importOptions(c)));
      expectOutcome("import", c, c.expect, imported);
    });

    const healthy = await health(new Request("http://ferry.test/api/v1/health"), { params: Promise.resolve({}) });
    expect(healthy.status).toBe(200);
    if (c.expect === "ok") {
      const slug = String(importOptions(c).projectSlug);
      expect(await db.project.count({ where: { slug, tenant: { slug: TARGET_TENANT } } })).toBe(1);
      expected = await dbFingerprint();
    } else {
      expect(await dbFingerprint(), `${c.id} changed the database`).toEqual(expected);
    }
  });
});
