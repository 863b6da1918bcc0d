import { OPTIONAL_SECTIONS } from "@/lib/bundle/sections";
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as exportProject } from "@/app/api/v1/projects/[projectSlug]/export/route";
import { POST as importProject } from "@/app/api/v1/projects/import/route";
import { COMMANDS } from "@/cli/registry";
import { parseBundleText } from "@/lib/bundle/parse-bundle";
import { db } from "@/lib/db";
import { DEMO_SECRETS } from "@/lib/demo/seed-demo-data";
import { prepareExport, readAll } from "@/lib/export/export-project";
import { createExportTicket } from "@/lib/export/export-tickets";
import { actorFor } from "@/test/actors";
import { bundleForm } from "@/test/bundle-form";
import { ferry } from "@/test/run-cli";
import { demoToken } from "@/test/tokens";

// Secrets stay out of argv, URLs, logs, stripped bundles and error messages. (Every API answer
// of the authorization matrix and the corpus is grepped as well; the e2e suite greps pages and
// the real server's log.)

const SECRETS = Object.values(DEMO_SECRETS);
const PASSPHRASE = "secrets test passphrase";
const ALL = OPTIONAL_SECTIONS;

/** Everything logged through console while `body` runs. */
async function captureLogs(body: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(
        args
          .map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === "string" ? a : JSON.stringify(a)))
          .join(" "),
      );
    });
  }
  try {
    await body();
  } finally {
    vi.restoreAllMocks();
  }
  return lines.join("\n");
}

afterEach(() => {
  delete process.env.FERRY_TEST_FAULT;
});

describe("secrets", () => {
  it("no CLI option takes a password, passphrase or token as its value", async () => {
    for (const command of COMMANDS) {
      for (const name of Object.keys(command.options)) {
        expect(`${command.name} --${name}`).not.toMatch(/(pass(word|phrase)|secret|token|api-?key|master-?key)$/);
      }
    }
    const attempts = await Promise.all([
      ferry(["import", "bundle.json", "--passphrase", PASSPHRASE]),
      ferry(["user", "create", "--email", "x@acme.test", "--name", "X", "--password", PASSPHRASE]),
    ]);
    for (const attempt of attempts) {
      expect(attempt.code).toBe(2);
      expect(attempt.stderr).toMatch(/Unknown option "--pass(phrase|word)"/);
      expect(attempt.stderr).not.toContain(PASSPHRASE);
    }
  });

  it("download links carry a random ticket only: no passphrase, salt or key", async () => {
    const lead = await actorFor("lead@acme.test");
    const ticket = await createExportTicket({
      actor: lead,
      tenantSlug: "acme",
      projectSlug: "sales-analytics",
      options: { includeCredentials: true, passphrase: PASSPHRASE },
    });
    expect(ticket.url).toMatch(/^\/api\/v1\/exports\/[A-Za-z0-9_-]{43}$/);
    const stored = await db.exportTicket.findFirstOrThrow({
      where: { userId: lead.userId },
      orderBy: { createdAt: "desc" },
    });
    const row = JSON.stringify(stored);
    expect(row).not.toContain(PASSPHRASE);
    expect(row).not.toContain(ticket.url.split("/").at(-1)); // only the token's hash is stored
    expect(JSON.stringify(stored.params)).not.toMatch(/passphrase|salt|verifier|key/i);
  });

  it("stripped bundles hold no secret", async () => {
    const text = await readAll(
      (
        await prepareExport({
          actor: await actorFor("root@ferry.test"),
          tenantSlug: "acme",
          projectSlug: "sales-analytics",
          options: { sections: ALL },
        })
      ).open(),
    );
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    const bundle = parseBundleText(text);
    expect(bundle.encryption).toBeUndefined();
    expect([...bundle.connections!, ...bundle.llmConfigs!].map((c) => c.credentials)).toEqual(
      Array(5).fill("stripped"),
    );
  });

  it("server logs and error answers never hold a passphrase, a token or a stored secret", async () => {
    const token = await demoToken("admin@globex.test");
    const bundle = await readAll(
      (
        await prepareExport({
          actor: await actorFor("root@ferry.test"),
          tenantSlug: "acme",
          projectSlug: "sales-analytics",
          options: { sections: ALL, includeCredentials: true, passphrase: PASSPHRASE },
        })
      ).open(),
    );
    const post = async (options: Record<string, unknown>) => {
      const form = bundleForm(bundle, {
        mode: "create",
        tenant: "globex",
        connectionMapping: { "warehouse-pg": { action: "map", target: "globex-pg" } },
        ...options,
      });
      const response = await importProject(
        new Request("http://ferry.test/api/v1/projects/import", {
          method: "POST",
          headers: { authorization: `Bearer ${token}` },
          body: form,
        }),
        { params: Promise.resolve({}) },
      );
      return response.text();
    };
    const answers: string[] = [];
    const logs = await captureLogs(async () => {
      answers.push(await post({ passphrase: "not the passphrase" }));
      // An unexpected failure after the credentials were decrypted: logged with its stack.
      process.env.FERRY_TEST_FAULT = "llmConfigs";
      answers.push(await post({ passphrase: PASSPHRASE, projectSlug: "logged" }));
      delete process.env.FERRY_TEST_FAULT;
      const exported = await exportProject(
        new Request("http://ferry.test/api/v1/projects/finance/export?tenant=globex", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ includeCredentials: true, passphrase: "short" }),
        }),
        { params: Promise.resolve({ projectSlug: "finance" }) },
      );
      answers.push(await exported.text());
    });
    expect(answers.map((a) => (JSON.parse(a) as { error: { code: string } }).error.code)).toEqual([
      "WRONG_PASSPHRASE",
      "IMPORT_FAILED",
      "PASSPHRASE_TOO_SHORT",
    ]);
    expect(logs).toContain('Injected fault at import step "llmConfigs"');
    for (const text of [logs, ...answers]) {
      for (const secret of [...SECRETS, PASSPHRASE, "not the passphrase", token]) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/ferry_pat_[A-Za-z0-9_-]{20,}/);
    }
  });
});
