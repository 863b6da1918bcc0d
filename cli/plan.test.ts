import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serializeBundle } from "@/lib/bundle/canonical-json";
import { parseBundleText } from "@/lib/bundle/parse-bundle";
import type { Bundle } from "@/lib/bundle/schema";
import { dbFingerprint } from "@/test/db-fingerprint";
import { ferry } from "@/test/run-cli";

// `plan`, `import --expect-plan` and `diff` through the real CLI; the plan's text is compared with
// a golden file (cli/golden/), apart from its last line, the token.

const dir = mkdtempSync(path.join(tmpdir(), "ferry-cli-plan-"));
const file = (name: string, content: string) => {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
};
const MAP = [
  "--map",
  "warehouse-pg=warehouse-pg",
  "--map",
  "snowflake-prod=snowflake-prod",
  "--map",
  "bq-events=bq-events",
];
const golden = (name: string) => readFileSync(path.join("cli/golden", name), "utf8");
const withoutToken = (text: string) => text.replace(/^Plan token: [0-9a-f]{64}\n$/m, "");

describe("ferry plan / diff", () => {
  it("prints a replace plan like terraform, exits 2, and an import with the plan's token applies exactly it", async () => {
    const exported = await ferry([
      "export",
      "sales-analytics",
      "--tenant",
      "acme",
      "--stable",
      "--sections",
      "connections,settings,recipes,agent",
    ]);
    expect(exported.code).toBe(0);
    const source = file("source.json", exported.stdout);
    const copy = await ferry(["import", source, "--tenant", "acme", "--slug", "plan-cli", ...MAP]);
    expect(copy.stderr).toContain("Imported");

    const bundle = parseBundleText(exported.stdout) as Bundle;
    const edited: Bundle = {
      ...bundle,
      settings: bundle.settings!.map((s) => (s.key === "currency" ? { ...s, value: "EUR" } : s)),
      recipes: bundle.recipes!.filter((r) => r.slug !== "return-rate"),
      models: bundle.models.filter((m) => m.slug !== "returns"),
    };
    const next = file("sales-analytics-export-next.json", serializeBundle(edited));
    const args = [
      next,
      "--tenant",
      "acme",
      "--mode",
      "replace",
      "--slug",
      "plan-cli",
      "--display-name",
      "plan-cli",
      ...MAP,
    ];
    const before = await dbFingerprint();
    const plan = await ferry(["plan", ...args]);
    expect(plan.stderr).toBe("");
    expect(plan.code).toBe(2);
    if (process.env.FERRY_UPDATE_GOLDEN)
      writeFileSync(path.join("cli/golden", "plan-replace.txt"), withoutToken(plan.stdout));
    expect(withoutToken(plan.stdout)).toBe(golden("plan-replace.txt"));
    expect(await dbFingerprint()).toEqual(before);
    const token = /^Plan token: ([0-9a-f]{64})$/m.exec(plan.stdout)![1]!;

    const json = await ferry(["plan", ...args, "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({ dryRun: true, planToken: token, plan: { changes: true } });

    const applied = await ferry(["import", ...args, "--expect-plan", token]);
    expect(applied.stderr).toContain("Imported into acme/plan-cli (replace).");
    expect(applied.code).toBe(0);
    const stale = await ferry(["import", ...args, "--expect-plan", token]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain("error: PLAN_STALE:");

    const nothing = await ferry(["plan", ...args]);
    expect(nothing.code).toBe(0);
    expect(nothing.stdout).toContain("unchanged.");
  });

  it("diffs two bundles semantically, also with git's diff-driver arguments", async () => {
    const exported = await ferry([
      "export",
      "sales-analytics",
      "--tenant",
      "acme",
      "--stable",
      "--sections",
      "settings",
    ]);
    const bundle = parseBundleText(exported.stdout) as Bundle;
    const a = file("a.json", exported.stdout);
    const b = file(
      "b.json",
      serializeBundle({
        ...bundle,
        settings: [...bundle.settings!.filter((s) => s.key !== "timezone"), { key: "locale", value: "en-GB" }],
      }),
    );
    const same = await ferry(["diff", a, a]);
    expect(same.code).toBe(0);
    const diff = await ferry(["diff", a, b]);
    expect(diff.code).toBe(2);
    expect(diff.stdout).toContain("  + locale");
    expect(diff.stdout).toContain("  - timezone");
    expect(diff.stdout).toMatch(/Plan: 1 to create, 1 to delete, \d+ unchanged\./);
    const git = await ferry(["diff", "sales.json", a, "abc", "100644", b, "def", "100644"]);
    expect(git.stdout.split("\n")[0]).toBe("diff sales.json");
    expect(git.stdout).toContain("  - timezone");
  });
});
