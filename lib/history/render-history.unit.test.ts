import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "./history";
import { renderHistory } from "./render-history";

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

describe("the CLI's history", () => {
  it("renders a page in the pages' words, with ids to act on and the cursor to the next", () => {
    const text = renderHistory({
      entries: [
        entry({
          action: "project.snapshot",
          snapshotId: "s-1",
          counts: { models: 6 },
          details: { reason: "project.import" },
        }),
        entry({
          importId: "i-1",
          mode: "merge",
          warnings: 2,
          counts: { models: { created: 1, updated: 2, skipped: 0 } },
        }),
      ],
      nextCursor: "123_abc",
    });
    expect(text).toBe(
      [
        "2026-12-03 07:30:00  admin@acme.test  Snapshot before import  6 models  snapshot s-1",
        "2026-12-03 07:30:00  admin@acme.test  Imported (merge)  +1 ~2 models · 2 warnings  result i-1",
        "Older entries: --before 123_abc",
        "",
      ].join("\n"),
    );
    expect(renderHistory({ entries: [] })).toBe("No history yet.\n");
  });
});
