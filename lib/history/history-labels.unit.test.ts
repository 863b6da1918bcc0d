import { describe, expect, it } from "vitest";
import {
  actionWords,
  changeCounts,
  countsText,
  planCountsText,
  planTotalCounts,
  shortValue,
  sourceText,
  warningsText,
} from "./history-labels";

const entry = (action: string, more: Record<string, unknown> = {}) => ({
  action,
  outcome: "succeeded",
  target: "acme/sales-analytics",
  details: {},
  ...more,
});

describe("actionWords", () => {
  it("names imports by mode", () => {
    expect(actionWords(entry("project.import", { mode: "replace" }))).toBe("Imported (replace)");
    expect(actionWords(entry("project.import", { mode: "skip-existing" }))).toBe("Imported (skip existing)");
    expect(actionWords(entry("project.import", { mode: "create" }))).toBe("Imported (new project)");
    expect(actionWords(entry("model.import", { mode: "merge" }))).toBe("Imported models (merge)");
  });

  it("names snapshots by what they were taken before", () => {
    expect(actionWords(entry("project.snapshot", { details: { reason: "project.import" } }))).toBe(
      "Snapshot before import",
    );
    expect(actionWords(entry("project.snapshot", { details: { reason: "project.restore" } }))).toBe(
      "Snapshot before restore",
    );
    expect(actionWords(entry("project.snapshot"))).toBe("Snapshot");
  });

  it("names exports, restores, downloads and bulk follow-ups", () => {
    expect(actionWords(entry("project.export"))).toBe("Exported");
    expect(actionWords(entry("project.export", { details: { credentials: "encrypted" } }))).toBe(
      "Exported (with credentials)",
    );
    expect(actionWords(entry("model.export", { target: "acme/sales-analytics/orders" }))).toBe("Exported model orders");
    expect(actionWords(entry("project.restore"))).toBe("Restored");
    expect(actionWords(entry("snapshot.download", { details: { credentials: "stripped" } }))).toBe(
      "Downloaded snapshot",
    );
    expect(actionWords(entry("project.deploy-all"))).toBe("Deployed all");
  });

  it("says when it failed, with the code", () => {
    expect(actionWords(entry("project.import", { mode: "replace", outcome: "failed", code: "PLAN_STALE" }))).toBe(
      "Imported (replace) — failed (PLAN_STALE)",
    );
    expect(actionWords(entry("project.export", { outcome: "failed" }))).toBe("Exported — failed");
  });

  it("keeps an unknown action as it is", () => {
    expect(actionWords(entry("project.something"))).toBe("project.something");
  });
});

describe("countsText", () => {
  it("shows an import's changes per section, zeros left out, deletions from the deleted keys", () => {
    const text = countsText(
      entry("project.import", {
        counts: {
          project: { created: 0, updated: 1, skipped: 0 },
          models: { created: 5, updated: 2, skipped: 0 },
          settings: { created: 3, updated: 0, skipped: 4 },
          versions: { created: 40, updated: 0, skipped: 0 },
        },
        details: { deleted: { models: ["returns"], connections: ["bq-events"] } },
      }),
    );
    expect(text).toBe("+5 ~2 −1 models, +3 other items");
  });

  it("says so when an import changed nothing", () => {
    expect(countsText(entry("project.restore", { counts: { models: { created: 0, updated: 0, skipped: 6 } } }))).toBe(
      "no changes",
    );
  });

  it("counts what an export or snapshot held and what deploy all deployed", () => {
    expect(countsText(entry("project.export", { counts: { models: 6, sections: ["connections", "settings"] } }))).toBe(
      "6 models, 2 optional sections",
    );
    expect(countsText(entry("project.snapshot", { counts: { models: 1, bytes: 2048 } }))).toBe("1 model, 2.0 KB");
    expect(countsText(entry("project.deploy-all", { details: { deployed: 3 } }))).toBe("3 models deployed");
    expect(countsText(entry("project.refresh-all", { details: { aggregates: 2, pockets: 1 } }))).toBe(
      "2 aggregates and 1 pocket refreshed",
    );
    expect(countsText(entry("snapshot.download"))).toBe("");
  });

  it("sums up the sections other than models", () => {
    expect(
      countsText(
        entry("project.import", {
          counts: {
            llmConfigs: { created: 1, updated: 0, skipped: 0 },
            recipes: { created: 1, updated: 2, skipped: 0 },
          },
          details: { deleted: { recipes: ["return-rate"] } },
        }),
      ),
    ).toBe("+2 ~2 −1 other items");
  });
});

describe("changeCounts", () => {
  it("uses +, ~ and a real minus", () => {
    expect(changeCounts({ created: 1, updated: 2, deleted: 3 })).toBe("+1 ~2 −3");
    expect(changeCounts({})).toBe("");
  });
});

describe("sourceText", () => {
  it("names instance, tenant/project and export time in UTC", () => {
    expect(
      sourceText({ instance: "prod-eu", tenant: "acme", project: "sales", exportedAt: "2026-05-01T09:30:12.000Z" }),
    ).toBe("prod-eu · acme/sales · 2026-05-01 09:30 UTC");
    expect(sourceText({ project: "sales" })).toBe("sales");
    expect(sourceText(undefined)).toBeUndefined();
    expect(sourceText({})).toBeUndefined();
  });

  it("names the snapshot a restore brought back", () => {
    expect(sourceText({ snapshotId: "x", snapshotAt: "2026-05-02T10:00:00.000Z" })).toBe(
      "snapshot of 2026-05-02 10:00 UTC",
    );
  });
});

describe("warningsText", () => {
  it("counts warnings, nothing for none", () => {
    expect(warningsText(2)).toBe("2 warnings");
    expect(warningsText(0)).toBe("");
    expect(warningsText(undefined)).toBe("");
  });
});

describe("plan words", () => {
  it("counts a plan per action in a fixed order, zeros left out", () => {
    expect(planCountsText({ unchanged: 14, delete: 1, create: 2 })).toBe("2 to create, 1 to delete, 14 unchanged");
    expect(planCountsText({})).toBe("nothing");
  });

  it("adds up the sections", () => {
    expect(planTotalCounts([{ counts: { create: 1 } }, { counts: { create: 2, delete: 1 } }])).toEqual({
      create: 3,
      delete: 1,
    });
  });

  it("cuts long values in the middle", () => {
    expect(shortValue("USD")).toBe('"USD"');
    expect(shortValue(undefined)).toBe("(none)");
    const long = shortValue("x".repeat(200), 40);
    expect(long.length).toBe(39);
    expect(long).toContain("…");
  });
});
