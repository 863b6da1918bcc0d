import { expect, login, test } from "./fixtures";
import { deleteProjects, exportSales, importInto, withoutReturns } from "./support/history";

// The safety net's screens (SPEC §12): an import into an existing project shows in History with
// the snapshot taken before it; its result page keeps a real checklist (ticks persist; Deploy all
// ticks the deploy items by itself); Restore… plans the way back and brings a deleted model back.
// A scratch copy of Sales Analytics (with its access bindings) keeps the demo project untouched.

const SLUG = "e2e-history";
const BASE = `/t/acme/p/${SLUG}`;
const MANY = "e2e-history-many";

test.afterAll(() => deleteProjects(SLUG, MANY));

test.describe.configure({ mode: "serial" });

test("history, result checklist, deploy all and restore", async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, "admin@acme.test");
  const bundle = await exportSales(page);
  expect(bundle.models.some((m) => m.slug === "returns")).toBe(true);
  await importInto(page, SLUG, bundle, "create");
  const replaced = await importInto(page, SLUG, withoutReturns(bundle), "replace");
  expect(replaced.resultHref).toBe(`${BASE}/history/${replaced.importId}`);
  expect(replaced.snapshot?.id).toBeTruthy();

  // History: the replace and the snapshot before it, newest first.
  await page.goto(BASE);
  await expect(page.getByRole("link", { name: "Returns" })).toHaveCount(0);
  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  const table = page.getByRole("table", { name: "Project history" });
  const importRow = table.getByRole("row").filter({ hasText: "Imported (replace)" });
  await expect(importRow).toHaveCount(1);
  await expect(importRow).toContainText("−1 models");
  const snapshotRow = table.getByRole("row").filter({ hasText: "Snapshot before import" });
  // The create made no snapshot (there was nothing to keep); the replace did.
  await expect(snapshotRow).toHaveCount(1);
  await expect(snapshotRow.getByRole("button", { name: /^Restore…/ })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: "Imported (new project)" })).toHaveCount(1);

  // The result page: tick and untick by hand, persisted across reloads.
  await importRow.getByRole("link", { name: "Imported (replace)" }).click();
  await expect(page).toHaveURL(replaced.resultHref);
  await expect(page.getByRole("heading", { name: "Imported (replace): result" })).toBeVisible();
  const retest = page.getByRole("checkbox", { name: "Re-test the agent against the imported models." });
  await expect(retest).not.toBeChecked();
  await retest.click();
  await expect(retest).toBeChecked();
  await expect(page.getByText("Done by admin@acme.test at")).toBeVisible();
  // Wait for the server's answer before reloading (the tick shows at once, optimistically).
  await page.waitForLoadState("networkidle");
  await page.reload();
  await expect(retest).toBeChecked();
  await expect(page.getByText("Done by admin@acme.test at")).toBeVisible();
  await retest.click();
  await expect(retest).not.toBeChecked();
  await page.waitForLoadState("networkidle");
  await page.reload();
  await expect(retest).not.toBeChecked();

  // Deploy all: the confirmation lists the models; the deploy items tick themselves.
  const deployItem = page.getByRole("checkbox", { name: /^Deploy model "/ }).first();
  await expect(deployItem).not.toBeChecked();
  await page.getByRole("button", { name: "Deploy all" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm.getByRole("list", { name: "Models to deploy" })).toContainText("customers");
  await confirm.getByRole("button", { name: "Deploy all" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(deployItem).toBeChecked();
  await expect(deployItem).toBeDisabled();
  await expect(page.getByText("Done (detected)").first()).toBeVisible();

  // Restore… the snapshot: the plan back (returns is created again), then the restore.
  await page.goto(`${BASE}/history`);
  const restoreButton = page
    .getByRole("table", { name: "Project history" })
    .getByRole("row")
    .filter({ hasText: "Snapshot before import" })
    .getByRole("button", { name: /^Restore…/ });
  await restoreButton.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("The plan back:")).toBeVisible();
  const models = dialog.locator("details").filter({ has: page.locator("summary", { hasText: "Models" }) });
  await expect(models).toContainText("returns");
  await expect(models.getByText("create", { exact: true }).first()).toBeVisible();
  // Escape closes it and gives focus back to the button that opened it.
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(restoreButton).toBeFocused();

  await restoreButton.click();
  await expect(dialog.getByText("The plan back:")).toBeVisible();
  await dialog.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(dialog.getByText("Restored", { exact: true })).toBeVisible();
  await expect(page.getByText(`Restored Copy ${SLUG}`)).toBeVisible();
  await dialog.getByRole("link", { name: "Open the restore's result and checklist" }).click();
  await expect(page.getByRole("heading", { name: "Restored: result" })).toBeVisible();

  await page.goto(BASE);
  await expect(page.getByRole("link", { name: "Returns" })).toBeVisible();

  // History now has the restore (linking to its result) and the snapshot taken before it.
  await page.goto(`${BASE}/history`);
  await expect(table.getByRole("link", { name: "Restored" })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: "Snapshot before restore" })).toHaveCount(1);

  // The tenant's History page lists it, with the project.
  await page.goto("/t/acme");
  await page.getByRole("toolbar", { name: "Explorer actions" }).getByRole("link", { name: "History" }).click();
  await expect(page).toHaveURL("/t/acme/history");
  const tenantTable = page.getByRole("table", { name: "Tenant history" });
  const tenantRow = tenantTable.getByRole("row").filter({ hasText: "Imported (replace)" }).filter({ hasText: SLUG });
  await expect(tenantRow).toHaveCount(1);
  await expect(tenantRow.getByRole("link", { name: SLUG })).toHaveAttribute("href", BASE);
});

test("a project ADMIN sees History without Restore…; a VIEWER has no History", async ({ page }) => {
  await login(page, "lead@acme.test");
  await page.goto(BASE);
  const tabs = page.getByRole("navigation", { name: "Project sections" });
  await tabs.getByRole("link", { name: "History" }).click();
  const table = page.getByRole("table", { name: "Project history" });
  const snapshotRow = table.getByRole("row").filter({ hasText: "Snapshot before import" });
  await expect(snapshotRow).toHaveCount(1);
  await expect(snapshotRow.getByRole("link", { name: /^Download/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /Restore/ })).toHaveCount(0);
  // Not a tenant admin: no tenant History link, and the page is not there for them.
  await expect(
    page.getByRole("toolbar", { name: "Explorer actions" }).getByRole("link", { name: "History" }),
  ).toHaveCount(0);
  await page.goto("/t/acme/history");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();

  await page.context().clearCookies();
  await login(page, "analyst@acme.test");
  await page.goto(BASE);
  await expect(
    page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Models" }),
  ).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "History" }),
  ).toHaveCount(0);
  await page.goto(`${BASE}/history`);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("a result of more than 10,000 items in a section lists the first and counts the rest", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, "admin@acme.test");
  const bundle = await exportSales(page);
  const settings = [
    ...((bundle.settings as { key: string; value: unknown }[] | undefined) ?? []),
    ...Array.from({ length: 10_050 }, (_, i) => ({ key: `bulk.${String(i).padStart(5, "0")}`, value: i })),
  ];
  const imported = await importInto(page, MANY, { ...bundle, settings }, "create");
  await page.goto(imported.resultHref);
  const section = page.locator("details").filter({ has: page.locator("summary", { hasText: "Settings" }) });
  await expect(section.locator("summary")).toContainText(`${settings.length.toLocaleString("en-US")} to create`);
  await section.locator("summary").click();
  const items = section.getByRole("list", { name: "Settings: items" });
  // 100 shown of the 10,000 the result lists; the rest counted, the omitted ones included.
  await expect(items.getByRole("listitem")).toHaveCount(101);
  await expect(items).toContainText(`… and ${(settings.length - 100).toLocaleString("en-US")} more`);
});
