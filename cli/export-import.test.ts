import { OPTIONAL_SECTIONS } from "@/lib/bundle/sections";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { parseBundleText } from "@/lib/bundle/parse-bundle";
import { db } from "@/lib/db";
import { DEMO_SECRETS } from "@/lib/demo/seed-demo-data";
import { dbFingerprint } from "@/test/db-fingerprint";
import { ferry } from "@/test/run-cli";

const dir = mkdtempSync(path.join(tmpdir(), "ferry-cli-bundles-"));
const file = (name: string, content?: string) => {
  const target = path.join(dir, name);
  if (content !== undefined) writeFileSync(target, content, { mode: 0o600 });
  return target;
};
const passphraseFile = file("pass.txt", "cli passphrase 123\n");

/** A second, empty instance: a fresh database with migrations only (no tenants, no users). */
async function emptyInstance(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: process.env.FERRY_TEST_ADMIN_URL });
  await admin.connect();
  const name = `empty_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ferry_tpl_empty`);
  await admin.end();
  const url = new URL(process.env.FERRY_TEST_ADMIN_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: process.env.FERRY_TEST_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe("ferry export / import", () => {
  it("exports to stdout and to a file; stable exports are byte-identical", async () => {
    const stdout = await ferry(["export", "sales-analytics", "--stable"]);
    expect(stdout.code).toBe(0);
    expect(parseBundleText(stdout.stdout).project.slug).toBe("sales-analytics");
    const out = file("sales.json");
    const toFile = await ferry(["export", "sales-analytics", "--tenant", "acme", "--stable", "--out", out]);
    expect(toFile.code).toBe(0);
    expect(toFile.stderr).toContain("Exported acme/sales-analytics");
    expect(readFileSync(out, "utf8")).toBe(stdout.stdout);
    const sections = await ferry(["export", "sales-analytics", "--sections", "settings,accessBindings"]);
    expect(parseBundleText(sections.stdout).sections).toEqual(["settings", "accessBindings"]);
  });

  it("refuses bad export input with the SPEC codes and never takes a passphrase from argv", async () => {
    const results = await Promise.all([
      ferry(["export", "nope"]),
      ferry(["export", "sales-analytics", "--sections", "queryLogs"]),
      ferry(["export", "sales-analytics", "--include-credentials", "--passphrase-file", file("short.txt", "short\n")]),
      ferry(["export", "sales-analytics", "--passphrase", "in-argv-is-not-allowed"]),
    ]);
    expect(results.map((r) => r.code)).toEqual([1, 1, 1, 2]);
    expect(results[0]!.stderr).toContain("PROJECT_NOT_FOUND");
    expect(results[1]!.stderr).toContain("INVALID_OPTIONS");
    expect(results[2]!.stderr).toContain("PASSPHRASE_TOO_SHORT");
    expect(results[3]!.stderr).toContain('Unknown option "--passphrase"');
  });

  it("round-trips through an empty instance byte-identically (apart from meta and deployments)", async () => {
    const source = file("source.json");
    expect(
      (
        await ferry([
          "export",
          "sales-analytics",
          "--tenant",
          "acme",
          "--stable",
          "--sections",
          OPTIONAL_SECTIONS.join(","),
          "--include-credentials",
          "--passphrase-file",
          passphraseFile,
          "--out",
          source,
        ])
      ).code,
    ).toBe(0);

    const instance = await emptyInstance();
    cleanups.push(instance.drop);
    const env = { DATABASE_URL: instance.url };
    expect((await ferry(["tenant", "create", "--slug", "prod", "--name", "Production"], env)).code).toBe(0);
    const imported = await ferry(
      ["import", source, "--passphrase-file", passphraseFile, "--create-users", "--json"],
      env,
    );
    expect(imported.stderr).toContain("Imported into prod/sales-analytics (create)");
    expect(imported.code).toBe(0);
    const result = JSON.parse(imported.stdout) as {
      summary: Record<string, { created: number }>;
      requiredActions: { kind: string }[];
    };
    expect(result.summary.models!.created).toBe(6);
    expect(result.summary.users!.created).toBe(2);
    expect(result.requiredActions.filter((a) => a.kind === "deploy-model")).toHaveLength(6);

    const again = await ferry(
      ["export", "sales-analytics", "--stable", "--sections", OPTIONAL_SECTIONS.join(",")],
      env,
    );
    const original = await ferry([
      "export",
      "sales-analytics",
      "--tenant",
      "acme",
      "--stable",
      "--sections",
      OPTIONAL_SECTIONS.join(","),
    ]);
    const normalise = (text: string) =>
      text.replace(/"meta": \{[^}]*\{[^}]*\}\n  \}/, "").replace(/"deployedVersion": (\d+|null)/g, "");
    expect(normalise(again.stdout)).toBe(normalise(original.stdout));
    expect(again.stdout).toContain('"deployedVersion": null');
  });

  it("imports into another tenant with mappings, renames and a dry run first", async () => {
    const source = file("for-globex.json");
    await ferry([
      "export",
      "sales-analytics",
      "--tenant",
      "acme",
      "--include-credentials",
      "--passphrase-file",
      passphraseFile,
      "--out",
      source,
    ]);
    const args = [
      "import",
      source,
      "--tenant",
      "globex",
      "--slug",
      "sales",
      "--passphrase-file",
      passphraseFile,
      "--map",
      "warehouse-pg=globex-pg",
      "--pending",
      "bq-events",
      "--create",
      "snowflake-prod=sf-from-acme",
      "--rename-model",
      "orders=purchases",
    ];
    const before = await dbFingerprint();
    const dry = await ferry([...args, "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain("Dry run: nothing was written");
    expect(await dbFingerprint()).toEqual(before);

    const real = await ferry(args);
    expect(real.code).toBe(0);
    expect(real.stderr).toMatch(/connection warehouse-pg → mapped to globex-pg/);
    expect(real.stderr).toMatch(/connection snowflake-prod → created as sf-from-acme/);
    expect(real.stderr).toContain('Deploy model "purchases"');
    expect(real.stderr + real.stdout).not.toContain(DEMO_SECRETS.snowflake);
    const models = await db.model.findMany({
      where: { project: { slug: "sales", tenant: { slug: "globex" } } },
      select: { slug: true },
    });
    expect(models.map((m) => m.slug).sort()).toEqual([
      "customers",
      "order-items",
      "products",
      "purchases",
      "returns",
      "web-sessions",
    ]);
  });

  it("fails cleanly on bad bundles and wrong passphrases, changing nothing", async () => {
    const encrypted = file("enc.json");
    await ferry([
      "export",
      "marketing-dev",
      "--include-credentials",
      "--passphrase-file",
      passphraseFile,
      "--out",
      encrypted,
    ]);
    const before = await dbFingerprint();
    const cases = await Promise.all([
      ferry(["import", file("bad.json", "{ not json"), "--tenant", "acme"]),
      ferry(["import", file("v9.json", JSON.stringify({ format: "ferry.project", version: 9 })), "--tenant", "acme"]),
      ferry(["import", encrypted, "--tenant", "globex", "--passphrase-file", file("wrong.txt", "wrong passphrase\n")]),
      ferry(["import", encrypted, "--tenant", "globex"]),
      ferry(["import", file("missing.json"), "--tenant", "acme"]),
    ]);
    expect(cases.map((c) => c.code)).toEqual([1, 1, 1, 1, 1]);
    expect(cases.map((c) => /error: ([A-Z_]+)/.exec(c.stderr)?.[1])).toEqual([
      "INVALID_JSON",
      "UNSUPPORTED_BUNDLE_VERSION",
      "WRONG_PASSPHRASE",
      "INVALID_OPTIONS",
      "INVALID_OPTIONS",
    ]);
    for (const c of cases) expect(c.stderr).not.toMatch(/^\s+at /m);
    expect(await dbFingerprint()).toEqual(before);
  });
});
