import { describe, expect, it } from "vitest";
import type { PlanItem, PlanSection } from "@/lib/import/plan-changes";
import { hasDetails, replaceSummary, reviewSections } from "./review-rows";

const section = (key: PlanSection["key"], label: string, items: PlanItem[]): PlanSection => {
  const counts: PlanSection["counts"] = {};
  for (const item of items) counts[item.action] = (counts[item.action] ?? 0) + 1;
  return { key, label, counts, items };
};

const plan = {
  project: { key: "project", action: "update" as const, changes: [{ path: "displayName", before: "A", after: "B" }] },
  sections: [
    section("connections", "Connections", [
      { key: "old-pg", action: "unlink", note: "unlinked from the project (the tenant keeps it)" },
      { key: "wh", action: "unchanged", note: 'mapped onto "wh"' },
    ]),
    section("llmConfigs", "LLM configs", [
      {
        key: "main",
        action: "update",
        changes: [
          { path: "credentials", before: "secret", after: "secret replaced" },
          { path: "model", before: "gpt-4", after: "gpt-5" },
        ],
      },
    ]),
    section("settings", "Settings", [
      { key: "a", action: "delete" },
      { key: "b", action: "create" },
    ]),
    section("recipes", "Recipes", []),
    section("models", "Models", [
      { key: "m1", action: "delete" },
      { key: "m2", action: "delete" },
      {
        key: "m3",
        action: "update",
        changes: [{ path: "versions.4", after: "appended" }],
        versions: { append: [4], remove: [], conflict: [2] },
        more: 3,
      },
    ]),
  ],
};

describe("reviewSections", () => {
  it("keeps the server's order, leaves out empty sections and counts per action", () => {
    const sections = reviewSections(plan);
    expect(sections.map((s) => s.key)).toEqual(["project", "connections", "llmConfigs", "settings", "models"]);
    expect(sections.find((s) => s.key === "models")!.counts).toEqual([
      { action: "update", count: 1, destructive: false },
      { action: "delete", count: 2, destructive: true },
    ]);
    expect(sections.find((s) => s.key === "connections")!.items.map((i) => [i.key, i.destructive])).toEqual([
      ["old-pg", true],
      ["wh", false],
    ]);
  });

  it("shows values as JSON but secrets in the server's words", () => {
    const llm = reviewSections(plan).find((s) => s.key === "llmConfigs")!.items[0]!;
    expect(llm.changes).toEqual([
      { path: "credentials", before: "secret", after: "secret replaced" },
      { path: "model", before: '"gpt-4"', after: '"gpt-5"' },
    ]);
  });

  it("words versions and the paths left out", () => {
    const m3 = reviewSections(plan).find((s) => s.key === "models")!.items[2]!;
    expect(m3.versions).toEqual(["Versions to append: v4", "Conflicting versions: v2"]);
    expect(m3.changes).toEqual([{ path: "versions.4", after: '"appended"' }]);
    expect(m3.more).toBe(3);
    expect(hasDetails(m3)).toBe(true);
    expect(hasDetails(reviewSections(plan).find((s) => s.key === "settings")!.items[0]!)).toBe(false);
  });

  it("leaves the project out when it does not change", () => {
    const same = { ...plan, project: { key: "project", action: "unchanged" as const } };
    expect(reviewSections(same)[0]!.key).toBe("connections");
  });
});

describe("replaceSummary", () => {
  it("names the numbers per section and the first deletions", () => {
    expect(replaceSummary(plan)).toEqual({
      text: "Deletes 1 setting, 2 models, unlinks 1 connection.",
      first: ["setting “a”", "model “m1”", "model “m2”"],
      more: 0,
    });
  });

  it("names at most five, then how many more", () => {
    const items: PlanItem[] = Array.from({ length: 7 }, (_, i) => ({ key: `s${i}`, action: "delete" }));
    const many = { project: plan.project, sections: [section("settings", "Settings", items)] };
    const summary = replaceSummary(many);
    expect(summary.text).toBe("Deletes 7 settings.");
    expect(summary.first).toEqual(["setting “s0”", "setting “s1”", "setting “s2”", "setting “s3”", "setting “s4”"]);
    expect(summary.more).toBe(2);
  });

  it("says when nothing is deleted, and keeps acronyms", () => {
    const none = {
      project: plan.project,
      sections: [section("llmConfigs", "LLM configs", [{ key: "x", action: "unlink" }])],
    };
    expect(replaceSummary(none).text).toBe("Unlinks 1 LLM config.");
    expect(replaceSummary({ project: plan.project, sections: [] }).text).toBe(
      "Deletes nothing: everything the project holds is in the bundle.",
    );
  });
});
