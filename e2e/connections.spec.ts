import { expect, test } from "./fixtures";
import { watchForSecrets } from "./no-secrets";

test.describe("tenant connections", () => {
  test("a tenant admin creates, edits and deletes a connection; secrets never reach the browser", async ({
    page,
    loginAs,
  }) => {
    const secrets = watchForSecrets(page, ["e2e-Secr3t-pass", "e2e-Secr3t-rotated"]);
    await loginAs("admin@acme.test");
    await page.getByRole("toolbar", { name: "Explorer actions" }).getByRole("link", { name: "Connections" }).click();
    await expect(page.getByRole("heading", { name: "Connections", level: 1 })).toBeVisible();
    await expect(page.getByRole("row", { name: /warehouse-pg/ }).getByText("secret set")).toBeVisible();

    await page.getByRole("button", { name: "New connection" }).click();
    const dialog = page.getByRole("dialog", { name: "New connection" });
    await dialog.getByLabel("Name").fill("e2e-warehouse");
    await dialog.getByLabel("Host").fill("https://e2e.acme.internal");
    await dialog.getByLabel("Port").fill("70000");
    await dialog.getByRole("button", { name: "Create connection" }).click();
    await expect(dialog.getByText("Enter the host name only, without https://")).toBeVisible();
    await expect(dialog.getByText("The port is between 1 and 65535.")).toBeVisible();
    await expect(dialog.getByText("Database is required.")).toBeVisible();

    await dialog.getByLabel("Host").fill("e2e.acme.internal");
    await dialog.getByLabel("Port").fill("5432");
    await dialog.getByLabel("Database").fill("e2e");
    await dialog.getByLabel("Password").fill("e2e-Secr3t-pass");
    await dialog.getByRole("button", { name: "Create connection" }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole("row", { name: /e2e-warehouse/ });
    await expect(row.getByText("active")).toBeVisible();
    await expect(row.getByText("secret set")).toBeVisible();
    await expect(row.getByText("e2e.acme.internal:5432/e2e")).toBeVisible();

    // A taken name is reported on the field.
    await page.getByRole("button", { name: "New connection" }).click();
    await dialog.getByLabel("Name").fill("warehouse-pg");
    await dialog.getByLabel("Host").fill("x.acme.internal");
    await dialog.getByLabel("Database").fill("x");
    await dialog.getByRole("button", { name: "Create connection" }).click();
    await expect(dialog.getByText('A connection named "warehouse-pg" already exists in Acme Corp.')).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();

    // Edit: the secret field starts empty; clearing it makes the connection pending.
    await page.getByRole("button", { name: "Edit e2e-warehouse" }).click();
    const edit = page.getByRole("dialog", { name: "Edit connection e2e-warehouse" });
    await expect(edit.getByLabel("Password")).toHaveValue("");
    await edit.getByLabel("Clear the stored secret").check();
    await edit.getByRole("button", { name: "Save connection" }).click();
    await expect(edit).toBeHidden();
    await expect(row.getByText("pending credentials")).toBeVisible();
    await expect(row.getByText("no secret")).toBeVisible();

    await page.getByRole("button", { name: "Edit e2e-warehouse" }).click();
    await edit.getByLabel("Password").fill("e2e-Secr3t-rotated");
    await edit.getByRole("button", { name: "Save connection" }).click();
    await expect(edit).toBeHidden();
    await expect(row.getByText("active")).toBeVisible();

    // A connection in use cannot be deleted; an unused one can.
    await page.getByRole("button", { name: "Delete warehouse-pg" }).click();
    const confirm = page.getByRole("alertdialog");
    await confirm.getByRole("button", { name: "Delete" }).click();
    await expect(confirm.getByText(/is still used by projects marketing-dev, sales-analytics/)).toBeVisible();
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "Delete e2e-warehouse" }).click();
    await confirm.getByRole("button", { name: "Delete" }).click();
    await expect(row).toHaveCount(0);
    await secrets.check();
  });

  test("members see connections but no edit controls", async ({ page, loginAs }) => {
    const secrets = watchForSecrets(page);
    await loginAs("analyst@acme.test");
    await page.goto("/t/acme/connections");
    await expect(
      page.getByRole("row", { name: /snowflake-prod/ }).getByText("Snowflake", { exact: true }),
    ).toBeVisible();
    await expect(page.getByRole("row", { name: /warehouse-pg/ }).getByText("and 1 other project")).toBeVisible();
    await expect(page.getByRole("button", { name: "New connection" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^(Edit|Delete) / })).toHaveCount(0);
    await secrets.check();
  });

  test("another tenant's connections are not found", async ({ page, loginAs }) => {
    await loginAs("admin@globex.test");
    await page.goto("/t/acme/connections");
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });
});
