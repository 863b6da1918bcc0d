import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";
import { PASSPHRASE, exportBundle, exportModel, reviewAndImport } from "./support/bundles";

// The whole wizard in Chromium, with bundles really downloaded from the export dialog.

test.describe("import wizard", () => {
  test("imports into another tenant with a passphrase, a mapping and a rename, then shows the checklist", async ({
    page,
    loginAs,
  }) => {
    await loginAs("admin@acme.test");
    const file = await exportBundle(page, { credentials: true, accessBindings: true });

    await page.context().clearCookies();
    await loginAs("admin@globex.test");
    await page.getByRole("link", { name: "Import Project" }).click();
    await page.getByLabel("Choose project export file (.json)").setInputFiles(file);
    const summary = page.getByLabel("Bundle summary");
    await expect(summary).toContainText("Sales Analytics");
    await expect(summary).toContainText("6 models");
    await expect(summary).toContainText("credentials included");
    await expect(summary).toContainText("tenant acme");

    await page.getByLabel("Passphrase").fill("not the passphrase");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText("That passphrase does not open this bundle's credentials.")).toBeVisible();
    await page.getByLabel("Passphrase").fill(PASSPHRASE);
    await page.getByRole("button", { name: "Continue" }).click();

    await page.getByLabel("Project slug").fill("sales-from-acme");
    await page.getByRole("dialog").getByLabel("Display name").fill("Sales (from acme)");
    await page.getByText(/Model slug overrides/).click();
    await page.getByLabel("New slug for orders").fill("Bad Slug");
    await expect(page.getByText("Use lowercase letters, digits and single dashes").first()).toBeVisible();
    await page.getByLabel("New slug for orders").fill("customers");
    await expect(page.getByText('Another model is already named "customers".')).toBeVisible();
    await page.getByLabel("New slug for orders").fill("purchases");

    await page.getByLabel("Action for warehouse-pg").selectOption("map");
    await page.getByLabel("Existing connection for warehouse-pg").selectOption("globex-pg");
    await expect(page.getByText("Used by: finance")).toBeVisible();
    await page.getByLabel("Action for bq-events").selectOption("pending");
    await page.getByLabel("New name for snowflake-prod").fill("snowflake-acme");
    await reviewAndImport(page);

    await expect(page.getByText("Project imported")).toBeVisible({ timeout: 30_000 });
    const actions = page.getByRole("list", { name: "Required actions" });
    await expect(actions).toContainText('Deploy model "purchases" (v3 was live in the source).');
    await expect(actions).toContainText('Enter credentials for connection "bq-events" (pending).');
    await expect(actions).toContainText("Refresh aggregates and pockets");
    await expect(page.getByRole("list", { name: "Warnings" })).toContainText(
      "access bindings for analyst@acme.test skipped",
    );
    await expect(page.getByRole("list", { name: "Connections" })).toContainText(
      "snowflake-prod → created as snowflake-acme",
    );

    // The checklist links lead to the imported project; models are undeployed, aggregates pending.
    await actions.getByRole("link", { name: /Deploy model "purchases"/ }).click();
    await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible();
    await expect(page.getByText("not deployed")).toBeVisible();
    await expect(page.getByRole("row", { name: /daily_revenue/ }).getByText("pending")).toBeVisible();
    fs.rmSync(file);
  });

  test("reports a taken slug in create mode, then replaces an existing project after confirmation", async ({
    page,
    loginAs,
  }) => {
    await loginAs("admin@acme.test");
    const file = await exportBundle(page);
    await page.getByRole("link", { name: "Import Project" }).click();
    await page.getByLabel("Choose project export file (.json)").setInputFiles(file);
    await expect(page.getByLabel("Project slug")).toHaveValue("sales-analytics");
    await expect(page.getByText(/"sales-analytics" exists here: try "sales-analytics-2"/)).toBeVisible();
    await page.getByRole("button", { name: "Review changes" }).click();
    await expect(page.getByText('"sales-analytics" is taken in this tenant')).toBeVisible();
    // Stripped credentials: the wizard pre-selects mapping onto the same-named connections.
    await expect(page.getByLabel("Action for warehouse-pg")).toHaveValue("map");
    await page.getByLabel("Project slug").fill("e2e-replace-target");
    await page.getByRole("dialog").getByLabel("Display name").fill("E2E replace target");
    await reviewAndImport(page);
    await expect(page.getByText("Project imported")).toBeVisible({ timeout: 30_000 });

    await page.getByRole("button", { name: "Import another bundle" }).click();
    await page.getByLabel("Choose project export file (.json)").setInputFiles(file);
    await page.getByLabel("Replace existing project").check();
    await page.getByLabel("Project to replace").selectOption("e2e-replace-target");
    await page.getByRole("dialog").getByLabel("Display name").fill("E2E replaced");
    await reviewAndImport(page);
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText("Replace project “E2E replace target”?");
    // Replacing with the same bundle deletes nothing: the confirmation says so from the plan.
    await expect(confirm).toContainText("Deletes nothing");
    await expect(confirm).toContainText("This cannot be undone.");
    await confirm.getByRole("button", { name: "Replace" }).click();
    await expect(page.getByText("Project replaced")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("table", { name: "Import summary" })).toContainText("Models");
    // The wizard is a dialog over the Explorer: close it to see the sidebar.
    await page.keyboard.press("Escape");
    await expect(
      page.getByRole("complementary", { name: "Projects" }).getByRole("link", { name: /E2E replaced/ }),
    ).toBeVisible();
    fs.rmSync(file);
  });

  test("rejects a file that is not a bundle, in words", async ({ page, loginAs }) => {
    await loginAs("admin@acme.test");
    await page.goto("/t/acme/import");
    await page.getByLabel("Choose project export file (.json)").setInputFiles({
      name: "notes.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"format":"kibana","version":1}'),
    });
    await expect(page.getByText("This is not a valid Ferry bundle")).toBeVisible();
    await page.getByLabel("Choose project export file (.json)").setInputFiles({
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"format":"ferry.project",'),
    });
    await expect(page.getByText("This file is not valid JSON")).toBeVisible();
  });

  test("imports a single model into an existing project", async ({ page, loginAs }) => {
    await loginAs("admin@acme.test");
    await page.goto("/t/acme/p/sales-analytics/m/customers");
    await page.getByRole("button", { name: "Actions for model Customers" }).click();
    await page.getByRole("menuitem", { name: "Export Model…" }).click();
    const download = page.waitForEvent("download");
    await page.getByRole("dialog").getByRole("button", { name: "Export" }).click();
    const file = path.join(os.tmpdir(), `ferry-e2e-model-${Date.now()}.json`);
    await (await download).saveAs(file);

    await page.goto("/t/acme/p/marketing-dev");
    await page.getByRole("link", { name: "Import model" }).click();
    await page.getByLabel("Choose project export file (.json)").setInputFiles(file);
    await expect(page.getByLabel("Bundle summary")).toContainText("model bundle");
    await page.getByLabel("New slug for customers").fill("mkt-customers");
    await expect(page.getByLabel("Action for warehouse-pg")).toHaveValue("map");
    await reviewAndImport(page);
    await expect(page.getByText("Model imported")).toBeVisible({ timeout: 30_000 });
    await page.getByRole("link", { name: /Deploy model "mkt-customers"/ }).click();
    await expect(page.getByRole("heading", { name: "Customers" })).toBeVisible();
    fs.rmSync(file);
  });

  test("merges a model bundle into the project that has it: the review shows it unchanged", async ({
    page,
    loginAs,
  }) => {
    await loginAs("admin@acme.test");
    const file = await exportModel(page, "/t/acme/p/sales-analytics/m/customers", "Customers");
    await page.goto("/t/acme/p/sales-analytics/import-model");
    await page.getByLabel("Choose project export file (.json)").setInputFiles(file);
    await expect(page.getByLabel("Bundle summary")).toContainText("model bundle");
    const modes = page.getByRole("radiogroup", { name: "Import mode" });
    await expect(modes.getByRole("radio")).toHaveCount(4);
    await modes.getByRole("radio", { name: /Merge into the project's models/ }).check();
    await page.getByRole("button", { name: "Review changes" }).click();
    await expect(page.getByRole("heading", { name: "Review changes" })).toBeFocused();
    await expect(page.getByText(/1 unchanged/).first()).toBeVisible();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByText("Models merged into “Sales Analytics”")).toBeVisible({ timeout: 30_000 });
    fs.rmSync(file);
  });
});
