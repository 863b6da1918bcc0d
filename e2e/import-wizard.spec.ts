import { expect, test } from "./fixtures";
import { PASSPHRASE, exportBundle, exportModel, removeFile, reviewAndImport } from "./support/bundles";

// The wizard's own behaviour: focus moving with the steps, the planner's verdicts shown as the
// user edits, the defaults, and the words in the summary and the result.

test.describe("import wizard steps", () => {
  test("focus moves to each new step's heading, and the replace confirmation gives it back", async ({
    page,
    loginAs,
  }) => {
    await loginAs("admin@acme.test");
    const file = await exportBundle(page, { credentials: true });
    await page.getByRole("link", { name: "Import Project" }).click();
    await page.getByLabel("Choose project export file (.json)").setInputFiles(file);
    await expect(page.getByRole("heading", { name: "Enter the passphrase" })).toBeFocused();
    await page.getByLabel("Passphrase").fill(PASSPHRASE);
    await page.getByLabel("Passphrase").press("Enter");
    await expect(page.getByRole("heading", { name: "Choose how to import" })).toBeFocused();

    await page.getByLabel("Replace existing project").check();
    // Replacing keeps the target's own name unless the user types another.
    await expect(page.getByLabel("Project to replace")).toHaveValue("sales-analytics");
    await expect(page.getByRole("dialog").getByLabel("Display name")).toHaveValue("Sales Analytics");
    await page.getByLabel("Project to replace").selectOption("marketing-dev");
    await expect(page.getByRole("dialog").getByLabel("Display name")).toHaveValue("Marketing (dev)");

    await page.getByRole("button", { name: "Review changes" }).click();
    await expect(page.getByRole("heading", { name: "Review changes" })).toBeFocused();
    const importButton = page.getByRole("button", { name: "Import", exact: true });
    await importButton.click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText("Replace project “Marketing (dev)”?");
    await page.keyboard.press("Escape");
    await expect(confirm).toBeHidden();
    await expect(importButton).toBeFocused();
    await importButton.click();
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(importButton).toBeFocused();
    removeFile(file);
  });

  test("a taken slug offers its free suggestion in one click, and the hint follows the slug", async ({
    page,
    loginAs,
  }) => {
    await loginAs("admin@acme.test");
    const file = await exportBundle(page);
    await page.getByRole("link", { name: "Import Project" }).click();
    await page.getByLabel("Choose project export file (.json)").setInputFiles(file);
    await expect(page.getByRole("heading", { name: "Choose how to import" })).toBeFocused();
    const slug = page.getByLabel("Project slug");
    const hint = page.getByText(/exists here: try/);
    await expect(hint).toHaveText('"sales-analytics" exists here: try "sales-analytics-2", or replace it.');

    await slug.fill("marketing-dev");
    await expect(page.getByText('"marketing-dev" is taken in this tenant')).toBeVisible();
    await slug.fill("a-free-slug");
    await expect(page.getByText(/is taken in this tenant|exists here/)).toHaveCount(0);

    await slug.fill("sales-analytics");
    await page.getByRole("button", { name: "Review changes" }).click();
    await expect(page.getByText('"sales-analytics" is taken in this tenant')).toBeVisible();
    await page.getByRole("button", { name: "Use “sales-analytics-2”" }).click();
    await expect(slug).toHaveValue("sales-analytics-2");
    await expect(page.getByText(/is taken in this tenant/)).toHaveCount(0);
    removeFile(file);
  });

  test("a connection's clashing name is shown as the row is edited", async ({ page, loginAs }) => {
    await loginAs("admin@acme.test");
    const file = await exportBundle(page);
    await page.getByRole("link", { name: "Import Project" }).click();
    await page.getByLabel("Choose project export file (.json)").setInputFiles(file);
    await page.getByLabel("Action for warehouse-pg").selectOption("pending");
    const name = page.getByLabel("New name for warehouse-pg");
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText('The name "warehouse-pg" is taken in tenant "acme"')).toBeVisible();
    await name.fill("warehouse-pg-copy");
    await expect(page.getByText(/is taken in tenant/)).toHaveCount(0);
    await expect(name).not.toHaveAttribute("aria-invalid", "true");
    removeFile(file);
  });

  test("says why a connection cannot be mapped, and shows mapped connections as mapped", async ({ page, loginAs }) => {
    await loginAs("admin@acme.test");
    const file = await exportBundle(page, { accessBindings: true });
    await page.context().clearCookies();
    await loginAs("admin@globex.test");
    await page.getByRole("link", { name: "Import Project" }).click();
    await page.getByLabel("Choose project export file (.json)").setInputFiles(file);
    const summary = page.getByLabel("Bundle summary");
    await expect(summary).toContainText(
      "Models, Connections, LLM configs, Agent configuration, Recipes, Settings, Access bindings",
    );
    await expect(summary).not.toContainText("llmConfigs");

    const bigquery = page.getByLabel("Action for bq-events").getByRole("option", { name: /Map to existing/ });
    await expect(bigquery).toBeDisabled();
    await expect(bigquery).toHaveText("Map to existing bigquery (this tenant has no bigquery connection)");

    await page.getByLabel("Project slug").fill("sales-mapped");
    // Another name too: the workspace spec expects no "Sales Analytics" in globex.
    await page.getByRole("dialog").getByLabel("Display name").fill("Sales (mapped)");
    // New names keep globex free of acme's connection names for the other specs.
    await page.getByLabel("New name for bq-events").fill("bq-events-mapped");
    await page.getByLabel("New name for snowflake-prod").fill("snowflake-mapped");
    await page.getByLabel("Action for warehouse-pg").selectOption("map");
    await page.getByLabel("Existing connection for warehouse-pg").selectOption("globex-pg");
    await reviewAndImport(page);
    await expect(page.getByText("Project imported")).toBeVisible({ timeout: 30_000 });
    const table = page.getByRole("table", { name: "Import summary" });
    await expect(table.getByRole("columnheader")).toHaveText(["Section", "Created", "Updated", "Mapped", "Skipped"]);
    await expect(table.getByRole("row", { name: /^Connections/ }).getByRole("cell")).toHaveText([
      "Connections",
      "2",
      "0",
      "1",
      "0",
    ]);
    removeFile(file);
  });

  test("counts a single model in the singular", async ({ page, loginAs }) => {
    await loginAs("admin@acme.test");
    const file = await exportModel(page, "/t/acme/p/sales-analytics/m/customers", "Customers");
    await page.goto("/t/acme/p/marketing-dev/import-model");
    await page.getByLabel("Choose project export file (.json)").setInputFiles(file);
    await expect(page.getByLabel("Bundle summary")).toContainText(/\D1 model, \d+ versions/);
    await expect(page.getByText(/Model slug overrides \(1 model\)/)).toBeVisible();
    removeFile(file);
  });
});
