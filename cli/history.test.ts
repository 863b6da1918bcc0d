import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serializeBundle } from "@/lib/bundle/canonical-json";
import { parseBundleText } from "@/lib/bundle/parse-bundle";
import type { Bundle } from "@/lib/bundle/schema";
import { dbFingerprint } from "@/test/db-fingerprint";
import { ferry } from "@/test/run-cli";

// `history` and `restore` through the real CLI: a replace, its snapshot in the history, the plan
// back (exit 2), a stale token refused, the restore, and the project as it was.

const dir = mkdtempSync(path.join(tmpdir(), "ferry-cli-history-"));
const MAP = [
  "--map",
  "warehouse-pg=warehouse-pg",
  "--map",
  "snowflake-prod=snowflake-prod",
  "--map",
  "bq-events=bq-events",
];
const exportStable = async (slug: string) => {
  const result = await ferry([
    "export",
    slug,
    "--tenant",
    "acme",
    "--stable",
    "--sections",
    "connections,settings,agent",
  ]);
  expect(result.code).toBe(0);
  return result.stdout;
};

describe("ferry history / restore", () => {
  it("lists the replace and its snapshot, plans the way back, refuses a stale plan and restores", async () => {
    const source = path.join(dir, "source.json");
    writeFileSync(source, await exportStable("sales-analytics"));
    expect((await ferry(["import", source, "--tenant", "acme", "--slug", "history-cli", ...MAP])).code).toBe(0);
    const before = await exportStable("history-cli");

    const bundle = parseBundleText(before) as Bundle;
    const edited: Bundle = { ...bundle, settings: bundle.settings!.filter((s) => s.key !== "currency") };
    const editedFile = path.join(dir, "edited.json");
    writeFileSync(editedFile, serializeBundle(edited));
    const replaced = await ferry([
      "import",
      editedFile,
      "--tenant",
      "acme",
      "--mode",
      "replace",
      "--slug",
      "history-cli",
      ...MAP,
    ]);
    expect(replaced.code).toBe(0);
    const snapshotId = /Snapshot ([0-9a-f-]{36}) holds the previous state/.exec(replaced.stderr)![1]!;
    expect(replaced.stderr).toMatch(/Result: \/t\/acme\/p\/history-cli\/history\/[0-9a-f-]{36}/);

    const history = await ferry(["history", "history-cli", "--tenant", "acme"]);
    expect(history.code).toBe(0);
    const lines = history.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/Imported \(replace\).*other items.*result [0-9a-f-]{36}$/);
    expect(lines[1]).toMatch(new RegExp(`Snapshot before import  \\d+ models, .*  snapshot ${snapshotId}$`));
    const json = JSON.parse(
      (await ferry(["history", "history-cli", "--tenant", "acme", "--json", "--limit", "2"])).stdout,
    );
    expect(json.entries).toHaveLength(2);
    expect(json.nextCursor).toMatch(/^\d+_/);

    const plan = await ferry(["restore", "history-cli", snapshotId, "--tenant", "acme", "--dry-run"]);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/\+ currency/);
    const token = /Plan token: ([0-9a-f]{64})/.exec(plan.stdout)![1]!;

    // The project changes after the plan: the token no longer matches, nothing is written.
    writeFileSync(
      editedFile,
      serializeBundle({ ...edited, project: { ...edited.project, displayName: "Changed meanwhile" } }),
    );
    expect(
      (
        await ferry([
          "import",
          editedFile,
          "--tenant",
          "acme",
          "--mode",
          "replace",
          "--slug",
          "history-cli",
          "--display-name",
          "Changed meanwhile",
          ...MAP,
        ])
      ).code,
    ).toBe(0);
    const fingerprint = await dbFingerprint();
    const stale = await ferry(["restore", "history-cli", snapshotId, "--tenant", "acme", "--expect-plan", token]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain("PLAN_STALE");
    expect(await dbFingerprint()).toEqual(fingerprint);

    const restored = await ferry(["restore", "history-cli", snapshotId, "--tenant", "acme"]);
    expect(restored.code).toBe(0);
    expect(restored.stderr).toMatch(/Snapshot [0-9a-f-]{36} holds the previous state/);
    expect(await exportStable("history-cli")).toBe(before);

    const usage = await ferry(["restore", "history-cli"]);
    expect(usage.code).toBe(2);
  });
});
