import { execSync } from "node:child_process";
import { chromium } from "@playwright/test";
import { onCleanup } from "./cleanup";
import { formatSpread, spread, type Spread } from "./stats";

export interface BrowserResult {
  /**
   * From handing the file to the page until the frame that shows the summary card has rendered,
   * on the page's own clock: what the user waits for, but for about a frame of raster and display.
   */
  summarySeconds: number;
  /** Of summarySeconds, the time until the page saw the file input change (Playwright handing over the file). */
  inputSeconds: number;
  /** The summary card's insertion into the DOM, on the page's clock (the frame that shows it comes after). */
  summaryInPageSeconds: number;
  /**
   * When Playwright's wait for the card returned: it polls a waiting locator after 0, 20, 50, 100,
   * 100 ms, then every 500 ms, so this lags the page by up to half a second and moves in steps.
   */
  playwrightSeconds: number;
  /** Until the options form is ready: the bundle validated and every connection row rendered. */
  optionsSeconds: number;
  longestTaskMs: number;
  longTasks: number;
}

/** What the page records on its own clock (performance.now()) while the wizard reads the file. */
interface WizardClock {
  __longTasks: number[];
  __changeAt?: number;
  __summaryAt?: number;
  __summaryShownAt?: number;
}

/**
 * The import wizard reading a large bundle in Chromium: time from choosing the file to the summary
 * on screen (on the page's clock, to the frame that shows it), then to the options form ready
 * (validated, all `connections` rows rendered), and the main-thread long tasks
 * (PerformanceObserver) over the whole of it.
 */
export async function measureWizard(options: {
  url: string;
  email: string;
  password: string;
  tenant: string;
  file: string;
  /** The bundle's connection count: the options form is ready when it shows a row for each. */
  connections: number;
  /** Writes a Chrome performance trace of the measured interval here (a profiling run: it slows the page). */
  traceFile?: string;
}): Promise<BrowserResult> {
  const executablePath =
    process.env.CHROMIUM_PATH ||
    execSync("command -v chromium || command -v chromium-browser", { encoding: "utf8", shell: "/bin/sh" }).trim();
  const browser = await chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  const unregister = onCleanup("Chromium", () => browser.close());
  try {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as WizardClock;
      w.__longTasks = [];
      document.addEventListener("change", () => (w.__changeAt ??= performance.now()), true);
      new MutationObserver(() => {
        if (w.__summaryAt === undefined && document.querySelector('[aria-label="Bundle summary"]')) {
          w.__summaryAt = performance.now();
          // The next frame renders the card; a task queued from its animation callback runs after
          // that frame's style, layout and paint.
          requestAnimationFrame(() => setTimeout(() => (w.__summaryShownAt = performance.now())));
        }
      }).observe(document, { childList: true, subtree: true });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    await page.goto(`${options.url}/login`);
    await page.getByLabel("Email").fill(options.email);
    await page.getByLabel("Password").fill(options.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/t\//);
    await page.goto(`${options.url}/t/${options.tenant}/import`);
    await page.getByLabel("Choose project export file (.json)").waitFor();
    await page.evaluate(() => {
      const w = window as unknown as WizardClock;
      w.__longTasks = [];
      delete w.__changeAt;
      delete w.__summaryAt;
      delete w.__summaryShownAt;
    });
    if (options.traceFile)
      await browser.startTracing(page, {
        path: options.traceFile,
        categories: [
          "devtools.timeline",
          "disabled-by-default-devtools.timeline",
          "v8.execute",
          "disabled-by-default-v8.cpu_profiler",
          "blink.user_timing",
        ],
      });
    const pageStarted = await page.evaluate(() => performance.now());
    const started = Date.now();
    await page.getByLabel("Choose project export file (.json)").setInputFiles(options.file);
    await page.getByLabel("Bundle summary").waitFor({ timeout: 120_000 });
    const playwrightSeconds = (Date.now() - started) / 1000;
    await page.getByRole("button", { name: "Review changes" }).waitFor({ timeout: 120_000 });
    await page.waitForFunction(
      (n) => document.querySelectorAll('[aria-label^="Action for "]').length === n,
      options.connections,
      { timeout: 120_000 },
    );
    const optionsSeconds = (Date.now() - started) / 1000;
    if (options.traceFile) await browser.stopTracing();
    const { longTasks, changeAt, summaryAt, summaryShownAt } = await page.evaluate(() => {
      const w = window as unknown as Required<WizardClock>;
      return {
        longTasks: w.__longTasks,
        changeAt: w.__changeAt,
        summaryAt: w.__summaryAt,
        summaryShownAt: w.__summaryShownAt,
      };
    });
    if (summaryShownAt === undefined) throw new Error("The page never recorded the frame that showed the summary.");
    return {
      summarySeconds: (summaryShownAt - pageStarted) / 1000,
      inputSeconds: (changeAt - pageStarted) / 1000,
      summaryInPageSeconds: (summaryAt - pageStarted) / 1000,
      playwrightSeconds,
      optionsSeconds,
      longestTaskMs: Math.max(0, ...longTasks),
      longTasks: longTasks.length,
    };
  } finally {
    unregister();
    await browser.close();
  }
}

/** Several runs of the wizard, each figure as its median with min–max. */
export interface WizardRuns {
  runs: number;
  summary: Spread;
  inPage: Spread;
  input: Spread;
  playwright: Spread;
  options: Spread;
  longestTaskMs: Spread;
  /** Long tasks (over 50 ms) in all runs together. */
  longTasks: number;
}

export function wizardRuns(runs: readonly BrowserResult[]): WizardRuns {
  const of = (pick: (r: BrowserResult) => number) => spread(runs.map(pick));
  return {
    runs: runs.length,
    summary: of((r) => r.summarySeconds),
    inPage: of((r) => r.summaryInPageSeconds),
    input: of((r) => r.inputSeconds),
    playwright: of((r) => r.playwrightSeconds),
    options: of((r) => r.optionsSeconds),
    longestTaskMs: of((r) => r.longestTaskMs),
    longTasks: runs.reduce((n, r) => n + r.longTasks, 0),
  };
}

/** The runs in one line: the summary on screen first, then what it is made of. */
export function describeWizardRuns(w: WizardRuns): string {
  const s = (x: Spread) => formatSpread(x, 2, " s");
  return `summary on screen ${s(w.summary)} (in the DOM ${s(w.inPage)}, the page had the file after ${s(w.input)}; Playwright, polling, saw it after ${s(w.playwright)}); options ready ${s(w.options)}; longest main-thread task ${formatSpread(w.longestTaskMs, 0, " ms")}`;
}
