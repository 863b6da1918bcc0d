import type { Page } from "@playwright/test";
import pg from "pg";
import { expect, test } from "./fixtures";
import { e2eDatabaseUrl } from "./support/servers";

// Themes, narrow screens, the sidebar with many projects, and the small things every page needs.

const sidebar = (page: Page) => page.getByRole("complementary", { name: "Projects" });

test.describe("themes", () => {
  test("dark mode follows the system until chosen in the account menu, and the choice sticks", async ({
    page,
    loginAs,
  }) => {
    const cspErrors: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
    });
    await page.emulateMedia({ colorScheme: "dark" });
    await loginAs("lead@acme.test");
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);

    await page.emulateMedia({ colorScheme: "light" });
    await page.reload();
    await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);

    await page.getByRole("button", { name: /Account menu/ }).click();
    await page.getByRole("menuitemradio", { name: "Dark" }).click();
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);

    // No flash: the theme is on <html> before any of the app's JavaScript runs (the inline
    // script, allowed by the page's nonce, sets it), so block the app's chunks and reload.
    await page.route("**/_next/static/chunks/**", (route) => route.abort());
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    await page.unroute("**/_next/static/chunks/**");
    await page.reload();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(11, 17, 32)");
    expect(cspErrors).toEqual([]);

    await page.getByRole("button", { name: /Account menu/ }).click();
    await page.getByRole("menuitemradio", { name: "System" }).click();
    await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  });
});

test.describe("narrow screens", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("at 390 px the sidebar becomes a Projects menu and nothing scrolls sideways", async ({ page, loginAs }) => {
    await loginAs("admin@acme.test");
    await expect(sidebar(page)).toBeHidden();
    await page.getByRole("button", { name: "Projects" }).click();
    const menu = page.getByRole("dialog", { name: "Projects" });
    await menu.getByRole("link", { name: /Sales Analytics/ }).click();
    await expect(menu).toBeHidden();
    await expect(page.getByRole("heading", { name: "Sales Analytics", level: 1 })).toBeVisible();
    for (const path of ["/t/acme/p/sales-analytics", "/t/acme/p/sales-analytics/m/orders", "/t/acme"]) {
      await page.goto(path);
      await expect(page.locator("main")).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await expect(page.getByRole("link", { name: "Import Project" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Account menu/ })).toBeVisible();
  });
});

test.describe("sidebar", () => {
  const slugs = Array.from({ length: 8 }, (_, i) => `e2e-many-${i + 1}`);

  test.beforeAll(async () => {
    const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
    await client.connect();
    // Eight more projects (ten in acme), one named like the seed's "Sales Analytics".
    for (const [i, slug] of slugs.entries())
      await client.query(
        `INSERT INTO "Project" ("tenantId", slug, "displayName") SELECT id, $1, $2 FROM "Tenant" WHERE slug = 'acme'`,
        [slug, i === 0 ? "Sales Analytics" : `Team project ${i + 1}`],
      );
    await client.end();
  });

  test.afterAll(async () => {
    const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
    await client.connect();
    await client.query(`DELETE FROM "Project" WHERE slug = ANY($1)`, [slugs]);
    await client.end();
  });

  test("shows slugs where display names repeat and filters a long list", async ({ page, loginAs }) => {
    await loginAs("admin@acme.test");
    const list = sidebar(page);
    const twins = list.getByRole("link", { name: /Sales Analytics/ });
    await expect(twins).toHaveCount(2);
    await expect(twins.nth(0)).toContainText("e2e-many-1");
    await expect(twins.nth(1)).toContainText("sales-analytics");
    await expect(list.getByRole("link", { name: /Marketing/ })).toContainText("Marketing (dev)");
    await expect(list.getByRole("link", { name: /Marketing/ })).not.toContainText("marketing-dev");

    await list.getByLabel("Filter projects").fill("team project 5");
    await expect(list.getByRole("listitem")).toHaveCount(1);
    await list.getByLabel("Filter projects").fill("nothing like this");
    await expect(list.getByText("No project matches")).toBeVisible();
  });
});

test.describe("project page", () => {
  test("a model-scoped editor gets the ⋮ on their model's row only; Refresh all reports in a toast", async ({
    page,
    loginAs,
  }) => {
    await loginAs("analyst@acme.test");
    await page.goto("/t/acme/p/sales-analytics");
    await expect(page.getByRole("button", { name: "Actions for model Web sessions" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Actions for model Orders" })).toHaveCount(0);

    await page.context().clearCookies();
    await loginAs("lead@acme.test");
    await page.goto("/t/acme/p/sales-analytics");
    await page.getByRole("button", { name: "Refresh all" }).click();
    await expect(page.getByText(/^Rebuilt \d+ aggregates? and \d+ pockets?$/)).toBeVisible();
    await expect(page.getByText("Bookkeeping only: no warehouse was contacted.")).toBeVisible();
  });

  test("the favicon is served", async ({ page }) => {
    const response = await page.request.get("/favicon.ico");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/image/);
  });
});
