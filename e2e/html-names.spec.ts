import fs from "node:fs";
import type { Page } from "@playwright/test";
import pg from "pg";
import { expect, test } from "./fixtures";
import { e2eDatabaseUrl } from "./support/servers";

// HTML and script in every name is valid input (test/fixtures/bad-bundles/valid/html-names.json):
// it imports, and every page that shows it shows text — no element, handler or script of it
// runs, and the CSP never has to step in.

const SLUG = "e2e-html-names";
const CONNECTION = '<script>alert("wh")</script>';
const PAGES = [
  "",
  "/connections",
  "/llm",
  "/agent",
  "/recipes",
  "/settings",
  "/access",
  "/m/customers",
  "/m/orders",
].map((tab) => `/t/acme/p/${SLUG}${tab}`);

async function inspect(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator("main")).toBeVisible();
  const injected = await page.evaluate(() => ({
    flag: (window as unknown as { __ferryXss?: string }).__ferryXss ?? null,
    handlers: document.querySelectorAll("[onerror], [onload], [onmouseover]").length,
    frames: document.querySelectorAll("iframe").length,
    scripts: [...document.querySelectorAll("script")].filter((s) =>
      /^\s*(window\.__ferryXss|alert\()/.test(s.textContent ?? ""),
    ).length,
    links: [...document.querySelectorAll("a[href]")].filter((a) => a.getAttribute("href")!.startsWith("javascript:"))
      .length,
  }));
  expect(injected, url).toEqual({ flag: null, handlers: 0, frames: 0, scripts: 0, links: 0 });
}

test.afterAll(async () => {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  await client.query(`DELETE FROM "Project" WHERE slug = $1`, [SLUG]);
  await client.query(`DELETE FROM "Connection" WHERE name = $1`, [CONNECTION]);
  await client.end();
});

test("HTML and script in names import and show as text on every page", async ({ page, loginAs }) => {
  const alerts: string[] = [];
  const violations: string[] = [];
  page.on("dialog", (dialog) => {
    alerts.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await loginAs("admin@acme.test");
  const imported = await page.request.post("/api/v1/projects/import", {
    multipart: {
      bundle: {
        name: "html-names.json",
        mimeType: "application/json",
        buffer: fs.readFileSync("test/fixtures/bad-bundles/valid/html-names.json"),
      },
      options: JSON.stringify({
        mode: "create",
        tenant: "acme",
        projectSlug: SLUG,
        connectionMapping: { [CONNECTION]: { action: "pending" } },
      }),
    },
  });
  expect(imported.status(), await imported.text()).toBe(200);

  for (const url of [...PAGES, "/t/acme", "/t/acme/connections"]) await inspect(page, url);

  // The markup is there, as text.
  await page.goto(`/t/acme/p/${SLUG}/connections`);
  await expect(page.getByText(CONNECTION).first()).toBeVisible();
  await page.goto(`/t/acme/p/${SLUG}/settings`);
  await expect(page.getByText('<script>alert("key")</script>').first()).toBeVisible();
  await page.goto(`/t/acme/p/${SLUG}/m/customers`);
  await expect(page.getByText('<img src=x onerror="alert(2)">').first()).toBeVisible();
  await expect(page.getByText("<svg onload=alert(3)>").first()).toBeVisible();

  // The server escapes it: no page's HTML holds the markup as markup.
  for (const url of PAGES) {
    const html = await (await page.request.get(url)).text();
    expect(html, url).not.toMatch(
      /<img src=x|<svg onload|<iframe src="javascript|<script>alert|<script>window\.__ferryXss|<b onmouseover/,
    );
    if (url.endsWith("/connections")) expect(html).toContain("&lt;script&gt;alert(&quot;wh&quot;)&lt;/script&gt;");
  }
  expect(alerts).toEqual([]);
  expect(violations).toEqual([]);
});
