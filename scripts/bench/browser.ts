import { execSync } from "node:child_process";
import { chromium } from "@playwright/test";
import { onCleanup } from "./cleanup";

export interface BrowserResult {
  summarySeconds: number;
  /** Of summarySeconds, the time until the page saw the file input change (Playwright handing over the file). */
  inputSeconds: number;
  /** The summary card's insertion as the page's own clock saw it (summarySeconds adds Playwright's polling). */
  summaryInPageSeconds: number;
  /** Until the options form is ready: the bundle validated and every connection row rendered. */
  optionsSeconds: number;
  longestTaskMs: number;
  longTasks: number;
}

/**
 * The import wizard reading a large bundle in Chromium: time from choosing the file to the summary
 * on screen, then to the options form ready (validated, all `connections` rows rendered), and the
 * main-thread long tasks (PerformanceObserver) over the whole of it.
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
      const w = window as unknown as { __longTasks: number[]; __changeAt?: number; __summaryAt?: number };
      w.__longTasks = [];
      document.addEventListener("change", () => (w.__changeAt ??= performance.now()), true);
      new MutationObserver(() => {
        if (w.__summaryAt === undefined && document.querySelector('[aria-label="Bundle summary"]'))
          w.__summaryAt = performance.now();
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
      const w = window as unknown as { __longTasks: number[]; __changeAt?: number; __summaryAt?: number };
      w.__longTasks = [];
      delete w.__changeAt;
      delete w.__summaryAt;
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
    const summarySeconds = (Date.now() - started) / 1000;
    await page.getByRole("button", { name: "Review changes" }).waitFor({ timeout: 120_000 });
    await page.waitForFunction(
      (n) => document.querySelectorAll('[aria-label^="Action for "]').length === n,
      options.connections,
      { timeout: 120_000 },
    );
    const optionsSeconds = (Date.now() - started) / 1000;
    if (options.traceFile) await browser.stopTracing();
    const { longTasks, changeAt, summaryAt } = await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[]; __changeAt: number; __summaryAt: number };
      return { longTasks: w.__longTasks, changeAt: w.__changeAt, summaryAt: w.__summaryAt };
    });
    return {
      summarySeconds,
      inputSeconds: (changeAt - pageStarted) / 1000,
      summaryInPageSeconds: (summaryAt - pageStarted) / 1000,
      optionsSeconds,
      longestTaskMs: Math.max(0, ...longTasks),
      longTasks: longTasks.length,
    };
  } finally {
    unregister();
    await browser.close();
  }
}
