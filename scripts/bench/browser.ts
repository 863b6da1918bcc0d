import { execSync } from "node:child_process";
import { chromium } from "@playwright/test";
import { onCleanup } from "./cleanup";

export interface BrowserResult {
  summarySeconds: number;
  longestTaskMs: number;
  longTasks: number;
}

/**
 * The import wizard reading a large bundle in Chromium: time from choosing the file to the summary
 * on screen, and main-thread long tasks (PerformanceObserver) meanwhile.
 */
export async function measureWizard(options: {
  url: string;
  email: string;
  password: string;
  tenant: string;
  file: string;
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
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
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
    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
    const started = Date.now();
    await page.getByLabel("Choose project export file (.json)").setInputFiles(options.file);
    await page.getByLabel("Bundle summary").waitFor({ timeout: 120_000 });
    const summarySeconds = (Date.now() - started) / 1000;
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    return { summarySeconds, longestTaskMs: Math.max(0, ...longTasks), longTasks: longTasks.length };
  } finally {
    unregister();
    await browser.close();
  }
}
