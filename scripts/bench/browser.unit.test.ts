import { describe, expect, it } from "vitest";
import { describeWizardRuns, wizardRuns, type BrowserResult } from "./browser";

const run = (summarySeconds: number, playwrightSeconds: number, longTasks: number): BrowserResult => ({
  summarySeconds,
  inputSeconds: 0.1,
  summaryInPageSeconds: summarySeconds - 0.02,
  playwrightSeconds,
  optionsSeconds: summarySeconds + 3,
  longestTaskMs: longTasks * 30,
  longTasks,
});

describe("wizardRuns", () => {
  it("gives each figure as median and range over the runs, long tasks summed", () => {
    const w = wizardRuns([run(1.8, 2.04, 3), run(1.38, 1.54, 0), run(1.46, 1.54, 2)]);
    expect(w.runs).toBe(3);
    expect(w.summary).toEqual({ median: 1.46, min: 1.38, max: 1.8 });
    expect(w.playwright).toEqual({ median: 1.54, min: 1.54, max: 2.04 });
    expect(w.longestTaskMs).toEqual({ median: 60, min: 0, max: 90 });
    expect(w.longTasks).toBe(5);
    expect(describeWizardRuns(w)).toMatch(
      /^summary on screen 1\.46 s \(1\.38–1\.80 s\) .*Playwright, polling, saw it after 1\.54 s \(1\.54–2\.04 s\)/,
    );
  });
});
