import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { sql } from "./support/sql";

// Plan before apply in the wizard (SPEC §11): the Review changes step, the replace confirmation's
// numbers, item selection, and the stale-plan check when the target changes after the review.

const TARGET = "e2e-plan-target";
const SELECTED = "e2e-plan-selected";

interface Written {
  file: string;
  mapping: Record<string, { action: "map"; target: string }>;
}

/** Sales Analytics as a file (no credentials: every connection maps onto acme's same-named one). */
async function writeBundle(page: Page): Promise<Written> {
  const response = await page.request.post("/api/v1/projects/sales-analytics/export?tenant=acme", {
    data: { stable: true },
  });
  expect(response.status()).toBe(200);
  const body = await response.body();
  const file = path.join(os.tmpdir(), `ferry-e2e-plan-${Date.now()}.json`);
  fs.writeFileSync(file, body);
  const connections = (JSON.parse(body.toString("utf8")) as { connections?: { name: string }[] }).connections ?? [];
  return {
    file,
    mapping: Object.fromEntries(connections.map((c) => [c.name, { action: "map" as const, target: c.name }])),
  };
}

const setSetting = (slug: string, key: string, value: unknown) =>
  sql(
    `UPDATE "ProjectSetting" SET value = $3::jsonb
      WHERE key = $2 AND "projectId" = (SELECT id FROM "Project" WHERE slug = $1)`,
    [slug, key, JSON.stringify(value)],
  );

async function settingKeys(slug: string): Promise<string[]> {
  const rows = await sql(
    `SELECT s.key FROM "ProjectSetting" s JOIN "Project" p ON p.id = s."projectId" WHERE p.slug = $1 ORDER BY s.key`,
    [slug],
  );
  return rows.map((r) => String(r.key));
}

async function openWizard(page: Page, file: string): Promise<void> {
  await page.goto("/t/acme/import");
  await page.getByLabel("Choose project export file (.json)").setInputFiles(file);
  await expect(page.getByRole("heading", { name: "Choose how to import" })).toBeFocused();
}

async function chooseTarget(page: Page, mode: "Replace existing project" | "Merge into existing project") {
  await page.getByLabel(mode).check();
  const label = mode === "Replace existing project" ? "Project to replace" : "Project to merge into";
  await page.getByLabel(label).selectOption(TARGET);
}

async function review(page: Page) {
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByRole("heading", { name: "Review changes" })).toBeFocused();
  await expect(page.getByText("Planning the import…")).toHaveCount(0, { timeout: 30_000 });
}

test.describe("plan before apply", () => {
  let bundle: Written;

  test.beforeEach(async ({ page, loginAs }) => {
    await loginAs("admin@acme.test");
    bundle = await writeBundle(page);
    await sql(`DELETE FROM "Project" WHERE slug = ANY($1)`, [[TARGET, SELECTED]]);
    const created = await page.request.post("/api/v1/projects/import", {
      multipart: {
        bundle: { name: "sales.json", mimeType: "application/json", buffer: fs.readFileSync(bundle.file) },
        options: JSON.stringify({
          mode: "create",
          tenant: "acme",
          projectSlug: TARGET,
          displayName: "E2E plan target",
          connectionMapping: bundle.mapping,
        }),
      },
    });
    expect(created.status()).toBe(200);
  });

  test.afterEach(async () => {
    await sql(`DELETE FROM "Project" WHERE slug = ANY($1)`, [[TARGET, SELECTED]]);
    fs.rmSync(bundle.file, { force: true });
  });

  test("a replace review lists the deletions in red and in words; the confirmation names the numbers", async ({
    page,
  }) => {
    await sql(
      `INSERT INTO "ProjectSetting" ("projectId", key, value)
       SELECT id, 'e2e.only-here', '"x"'::jsonb FROM "Project" WHERE slug = $1`,
      [TARGET],
    );
    await openWizard(page, bundle.file);
    await chooseTarget(page, "Replace existing project");
    // Leaving two settings out of a replace deletes them from the target.
    await page.getByText("Choose settings").click();
    await page.getByRole("checkbox", { name: "currency", exact: true }).click();
    await page.getByRole("checkbox", { name: "timezone", exact: true }).click();
    await expect(page.getByRole("checkbox", { name: "Settings", exact: true })).toHaveAttribute(
      "aria-checked",
      "mixed",
    );
    await review(page);

    const settings = page.getByRole("region", { name: "Settings" });
    await expect(settings.getByRole("list", { name: "Settings: counts" })).toContainText("3 delete");
    const deleted = settings.getByRole("listitem").filter({ hasText: /^Delete\s*currency/ });
    await expect(deleted).toHaveCount(1);
    await expect(deleted.getByText("Delete", { exact: true })).toHaveCSS("color", "rgb(185, 28, 28)");

    await page.getByRole("button", { name: "Import", exact: true }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText("Replace project “E2E plan target”?");
    await expect(confirm).toContainText("Deletes 3 settings.");
    await expect(confirm.getByRole("list", { name: "First items deleted" }).getByRole("listitem")).toHaveText([
      "Deletes setting “currency”",
      "Deletes setting “e2e.only-here”",
      "Deletes setting “timezone”",
    ]);
    await confirm.getByRole("button", { name: "Replace" }).click();
    await expect(page.getByText("Project replaced")).toBeVisible({ timeout: 30_000 });
    expect(await settingKeys(TARGET)).not.toContain("currency");
    expect(await settingKeys(TARGET)).not.toContain("e2e.only-here");
  });

  test("a merge review shows a setting's value before and after", async ({ page }) => {
    await setSetting(TARGET, "currency", "EUR");
    await openWizard(page, bundle.file);
    await chooseTarget(page, "Merge into existing project");
    await review(page);
    const settings = page.getByRole("region", { name: "Settings" });
    await expect(settings.getByRole("list", { name: "Settings: counts" })).toContainText("1 update");
    await settings.getByText("currency", { exact: true }).click();
    const diff = settings.getByRole("definition");
    await expect(diff).toHaveText(/^"EUR".*"USD"$/);
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByText("Merged into “E2E plan target”")).toBeVisible({ timeout: 30_000 });
    const [row] = await sql(
      `SELECT s.value FROM "ProjectSetting" s JOIN "Project" p ON p.id = s."projectId" WHERE p.slug = $1 AND s.key = 'currency'`,
      [TARGET],
    );
    expect(row!.value).toBe("USD");
  });

  test("an unchecked item is left out of the import", async ({ page }) => {
    await openWizard(page, bundle.file);
    await page.getByLabel("Project slug").fill(SELECTED);
    await page.getByLabel("Display name").fill("E2E plan selected");
    await page.getByText("Choose settings").click();
    await page.getByRole("checkbox", { name: "weekStartsOn", exact: true }).click();
    await review(page);
    const settings = page.getByRole("region", { name: "Settings" });
    await expect(settings.getByRole("list", { name: "Settings: items" })).not.toContainText("weekStartsOn");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByText("Project imported")).toBeVisible({ timeout: 30_000 });
    const keys = await settingKeys(SELECTED);
    expect(keys).toContain("currency");
    expect(keys).not.toContain("weekStartsOn");
  });

  test("a target changed after the review is planned again and shown before anything is imported", async ({ page }) => {
    await openWizard(page, bundle.file);
    await chooseTarget(page, "Merge into existing project");
    await review(page);
    await expect(page.getByText(/Nothing would change/)).toBeVisible();

    // Someone else changes the target between the review and the click on Import.
    await setSetting(TARGET, "timezone", "UTC");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(
      page.getByText("The project changed since you reviewed the plan; here is the updated plan."),
    ).toBeVisible({ timeout: 30_000 });
    const settings = page.getByRole("region", { name: "Settings" });
    await expect(settings.getByRole("list", { name: "Settings: counts" })).toContainText("1 update");
    await settings.getByText("timezone", { exact: true }).click();
    await expect(settings.getByRole("definition")).toContainText('"UTC"');
    // Nothing was written by the refused import.
    const [timezone] = await sql(
      `SELECT s.value FROM "ProjectSetting" s JOIN "Project" p ON p.id = s."projectId" WHERE p.slug = $1 AND s.key = 'timezone'`,
      [TARGET],
    );
    expect(timezone!.value).toBe("UTC");

    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByText("Merged into “E2E plan target”")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/The project changed since you reviewed/)).toHaveCount(0);
  });
});
