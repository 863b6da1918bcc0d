import { expect, test } from "./fixtures";

// Duplicate project… (SPEC §13): a tenant admin copies a project server-side, keys included.
test.describe("duplicate project", () => {
  test("copies a project with its LLM keys from the project's ⋮, and refuses a taken slug in the field", async ({
    page,
    loginAs,
  }) => {
    await loginAs("admin@acme.test");
    const open = async () => {
      await page.getByRole("button", { name: "Actions for Sales Analytics" }).click();
      await page.getByRole("menuitem", { name: "Duplicate project…" }).click();
      return page.getByRole("dialog", { name: /Duplicate project/ });
    };
    let dialog = await open();
    await dialog.getByLabel("Slug").fill("marketing-dev");
    await dialog.getByRole("button", { name: "Duplicate" }).click();
    await expect(dialog.getByText(/already exists/)).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("button", { name: "Actions for Sales Analytics" })).toBeFocused();

    dialog = await open();
    await dialog.getByLabel("Slug").fill("e2e-sales-copy");
    await dialog.getByLabel("Display name").fill("Sales copy (e2e)");
    await dialog.getByRole("button", { name: "Duplicate" }).click();
    await expect(page).toHaveURL(/\/t\/acme\/p\/e2e-sales-copy$/, { timeout: 30_000 });
    await expect(page.getByRole("heading", { level: 1, name: "Sales copy (e2e)" })).toBeVisible();
    await page.goto("/t/acme/p/e2e-sales-copy/llm");
    await expect(page.getByText("pending", { exact: false })).toHaveCount(0);
  });

  test("is not offered to a project ADMIN who is not a tenant admin", async ({ page, loginAs }) => {
    await loginAs("lead@acme.test");
    await page.getByRole("button", { name: "Actions for Sales Analytics" }).click();
    await expect(page.getByRole("menuitem", { name: "Export Project…" })).toBeVisible();
    await expect(page.getByRole("menuitem", { name: "Duplicate project…" })).toHaveCount(0);
  });
});
