import { expect, test } from "./fixtures";

// Import Project opens the wizard in a dialog over the Explorer (an intercepted route); the same
// URL loaded directly shows the wizard as a page.

test.describe("import dialog", () => {
  test("opens over the Explorer from the toolbar and returns focus to the button on Escape", async ({
    page,
    loginAs,
  }) => {
    await loginAs("admin@acme.test");
    await page.goto("/t/acme/p/sales-analytics");
    const opener = page.getByRole("link", { name: "Import Project" });
    await opener.focus();
    await page.keyboard.press("Enter");

    const dialog = page.getByRole("dialog", { name: "Import project" });
    await expect(dialog).toBeVisible();
    await expect(page).toHaveURL(/\/t\/acme\/import$/);
    await expect(dialog.getByLabel("Choose project export file (.json)")).toBeAttached();
    // The Explorer stays underneath (hidden from assistive technology while the dialog is open).
    await expect(page.locator("h1", { hasText: "Sales Analytics" })).toBeAttached();

    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/\/t\/acme\/p\/sales-analytics$/);
    await expect(opener).toBeFocused();
  });

  test("the close button also returns focus to the toolbar button", async ({ page, loginAs }) => {
    await loginAs("admin@acme.test");
    const opener = page.getByRole("link", { name: "Import Project" });
    await opener.click();
    const dialog = page.getByRole("dialog", { name: "Import project" });
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test("a reload or a direct link shows the wizard as a page", async ({ page, loginAs }) => {
    await loginAs("admin@acme.test");
    await page.getByRole("link", { name: "Import Project" }).click();
    await expect(page.getByRole("dialog", { name: "Import project" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Import project", level: 1 })).toBeVisible();
    await expect(page.getByLabel("Choose project export file (.json)")).toBeAttached();

    await page.goto("/t/acme/connections");
    await page.goto("/t/acme/import");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Import project", level: 1 })).toBeVisible();
  });

  test("tall content scrolls inside the dialog", async ({ page, loginAs }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await loginAs("admin@acme.test");
    await page.getByRole("link", { name: "Import Project" }).click();
    const dialog = page.getByRole("dialog", { name: "Import project" });
    await expect(dialog).toBeVisible();
    const box = await dialog.boundingBox();
    expect(box!.height).toBeLessThanOrEqual(600);
    expect(await dialog.evaluate((el) => getComputedStyle(el).overflowY)).toBe("auto");
    await page.screenshot({ path: "test-results/import-dialog.png" });
  });
});
