import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "./history";
import { historyActionText, historyCountsText, historySourceText, renderHistory } from "./render-history";

const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  id: "e1",
  at: "2026-12-03T07:30:00.000Z",
  actor: "admin@acme.test",
  action: "project.import",
  outcome: "succeeded",
  target: "acme/sales",
  project: "sales",
  details: {},
  ...over,
});

describe("history words", () => {
  it("names actions with their mode and reason", () => {
    expect(historyActionText(entry({ mode: "replace" }))).toBe("Imported (replace)");
    expect(historyActionText(entry({ action: "project.snapshot", details: { reason: "project.restore" } }))).toBe(
      "Snapshot before a restore",
    );
    expect(historyActionText(entry({ outcome: "failed", mode: "merge" }))).toBe("Imported (merge) — failed");
    expect(historyActionText(entry({ action: "project.restore", mode: "replace" }))).toBe("Restored");
  });

  it("says where a bundle came from, and a restore's snapshot", () => {
    expect(
      historySourceText(
        entry({ source: { instance: "prod", tenant: "acme", project: "sales", exportedAt: "2026-12-01T10:20:30Z" } }),
      ),
    ).toBe("prod · acme/sales · exported 2026-12-01 10:20 UTC");
    expect(
      historySourceText(entry({ source: { snapshotId: "0123456789ab", snapshotAt: "2026-12-02T08:00:00Z" } })),
    ).toBe("snapshot 01234567 of 2026-12-02 08:00 UTC");
  });

  it("counts creations, updates and deletions per section", () => {
    expect(
      historyCountsText(
        entry({
          counts: {
            project: { created: 0, updated: 1 },
            models: { created: 5, updated: 0, skipped: 0 },
            settings: { created: 0, updated: 2 },
          },
          details: { deleted: { models: ["returns"] } },
        }),
      ),
    ).toBe("models +5 −1, settings ~2");
    expect(historyCountsText(entry({ action: "project.snapshot", counts: { models: 1 } }))).toBe("1 model");
  });

  it("renders a page with ids to act on and the cursor to the next", () => {
    const text = renderHistory({
      entries: [
        entry({
          action: "project.snapshot",
          snapshotId: "s-1",
          counts: { models: 6 },
          details: { reason: "project.import" },
        }),
        entry({ importId: "i-1", mode: "merge", warnings: 2 }),
      ],
      nextCursor: "123_abc",
    });
    expect(text).toBe(
      [
        "2026-12-03 07:30:00  admin@acme.test  Snapshot before an import  6 models  snapshot s-1",
        "2026-12-03 07:30:00  admin@acme.test  Imported (merge)  2 warnings  result i-1",
        "Older entries: --before 123_abc",
        "",
      ].join("\n"),
    );
    expect(renderHistory({ entries: [] })).toBe("No history yet.\n");
  });
});
