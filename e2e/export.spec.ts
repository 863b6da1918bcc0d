import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const dialog = (page: Page) => page.getByRole("dialog");

async function openProjectExport(page: Page, project = "Sales Analytics") {
  await page.getByRole("button", { name: `Actions for ${project}` }).click();
  await page.getByRole("menuitem", { name: "Export Project…" }).click();
  await expect(dialog(page).getByRole("heading", { name: `Export project “${project}”` })).toBeVisible();
}

async function downloadJson(page: Page, click: () => Promise<void>) {
  const downloadPromise = page.waitForEvent("download");
  await click();
  const download = await downloadPromise;
  const file = await download.path();
  return { filename: download.suggestedFilename(), text: fs.readFileSync(file!, "utf8") };
}

test.describe("export", () => {
  test("exports a project with the default sections and downloads the file", async ({ page, loginAs }) => {
    await loginAs("lead@acme.test");
    await openProjectExport(page);
    const d = dialog(page);
    await expect(d.getByLabel("Models")).toBeChecked();
    await expect(d.getByLabel("Models")).toBeDisabled();
    for (const name of ["Connections", "LLM configs", "Agent configuration", "Recipes", "Settings"])
      await expect(d.getByLabel(name, { exact: true })).toBeChecked();
    await expect(d.getByLabel("Access bindings")).not.toBeChecked();
    await expect(d.getByLabel("Include credentials")).not.toBeChecked();

    const { filename, text } = await downloadJson(page, () => d.getByRole("button", { name: "Export" }).click());
    expect(filename).toMatch(/^sales-analytics-export-\d{4}-\d{2}-\d{2}\.json$/);
    const bundle = JSON.parse(text) as {
      format: string;
      sections: string[];
      models: unknown[];
      connections: { credentials: unknown }[];
      accessBindings?: unknown;
    };
    expect(bundle.format).toBe("ferry.project");
    expect(bundle.sections).toEqual(["connections", "llmConfigs", "agent", "recipes", "settings"]);
    expect(bundle.models).toHaveLength(6);
    expect(bundle.accessBindings).toBeUndefined();
    expect(bundle.connections.every((c) => c.credentials === "stripped")).toBe(true);
    await expect(d.getByText(/Your download has started/)).toBeVisible();
    await expect(
      d.getByText(/Holds 6 models with their full history; sections: Connections, LLM configs/),
    ).toBeVisible();
    await expect(d.getByText(/; no credentials\./)).toBeVisible();
    await expect(page.getByText(`Exported ${filename}`)).toBeVisible();
  });

  test("validates the passphrase inline and encrypts credentials", async ({ page, loginAs }) => {
    await loginAs("lead@acme.test");
    await openProjectExport(page);
    const d = dialog(page);
    await d.getByLabel("Access bindings").click();
    await d.getByLabel("Recipes").click();
    await expect(d.getByText(/only a tenant admin exports them/)).toBeVisible();
    await d.getByLabel("Include credentials").click();
    await d.getByLabel("Passphrase", { exact: true }).fill("short");
    await d.getByLabel("Repeat passphrase").fill("different");
    await d.getByRole("button", { name: "Export" }).click();
    await expect(d.getByText("Use at least 8 characters.")).toBeVisible();
    await expect(d.getByText("The passphrases do not match.")).toBeVisible();

    await d.getByLabel("Passphrase", { exact: true }).fill("a long passphrase");
    await d.getByLabel("Repeat passphrase").fill("a long passphrase");
    const { text } = await downloadJson(page, () => d.getByRole("button", { name: "Export" }).click());
    const bundle = JSON.parse(text) as {
      sections: string[];
      encryption: { iterations: number };
      connections: { credentials: { encrypted?: string } | string }[];
      llmConfigs: { credentials: { encrypted?: string } | string }[];
      accessBindings: unknown[];
    };
    expect(bundle.sections).toEqual(["connections", "llmConfigs", "agent", "settings", "accessBindings"]);
    expect(bundle.encryption.iterations).toBeGreaterThanOrEqual(600_000);
    // A project ADMIN carries the project's LLM keys out; connection secrets are the tenant's (SPEC §6).
    expect(bundle.connections.every((c) => c.credentials === "stripped")).toBe(true);
    expect(bundle.llmConfigs.some((l) => typeof l.credentials === "object" && "encrypted" in l.credentials)).toBe(true);
    await expect(d.getByText(/connection secrets left out/)).toBeVisible();
    expect(bundle.accessBindings.length).toBeGreaterThan(0);
    expect(text).not.toContain("Secr3t");
  });

  test("works from the keyboard and closes with Escape", async ({ page, loginAs }) => {
    await loginAs("lead@acme.test");
    await page.getByRole("button", { name: "Actions for Sales Analytics" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("menuitem", { name: "Export Project…" }).focus();
    await page.keyboard.press("Enter");
    await expect(dialog(page)).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog(page)).toHaveCount(0);
  });

  test("a model export includes the models it joins to, transitively, and says what the file holds", async ({
    page,
    loginAs,
  }) => {
    await loginAs("lead@acme.test");
    await page.goto("/t/acme/p/sales-analytics");
    await page.getByRole("button", { name: "Actions for model Order items" }).click();
    await page.getByRole("menuitem", { name: "Export Model…" }).click();
    const d = dialog(page);
    for (const name of ["Orders", "Products", "Customers"]) await expect(d.getByLabel(name)).toBeChecked();
    await expect(d.getByText("customers · joined by orders")).toBeVisible();
    const { text } = await downloadJson(page, () => d.getByRole("button", { name: "Export" }).click());
    const bundle = JSON.parse(text) as { models: { slug: string }[]; connections: { name: string }[] };
    expect(bundle.models.map((m) => m.slug)).toEqual(["customers", "order-items", "orders", "products"]);
    expect(bundle.connections.map((c) => c.name)).toEqual(["snowflake-prod", "warehouse-pg"]);
    await expect(d.getByText(/Holds 4 models \(order-items, orders, products, customers\)/)).toBeVisible();
  });

  test("a viewer cannot export the project but exports the model they edit", async ({ page, loginAs }) => {
    await loginAs("analyst@acme.test");
    await page.getByRole("button", { name: "Actions for Sales Analytics" }).click();
    await expect(page.getByRole("menuitem", { name: "Export Project…" })).toHaveCount(0);
    await page.keyboard.press("Escape");

    await page.goto("/t/acme/p/sales-analytics/m/web-sessions");
    await page.getByRole("button", { name: "Actions for model Web sessions" }).click();
    await page.getByRole("menuitem", { name: "Export Model…" }).click();
    // web-sessions joins customers: left out on purpose here, with the warning that says so.
    await dialog(page).getByLabel("Customers").click();
    await expect(dialog(page).getByText("The target project must already have “customers”")).toBeVisible();
    const { filename, text } = await downloadJson(page, () =>
      dialog(page).getByRole("button", { name: "Export" }).click(),
    );
    expect(filename).toMatch(/^sales-analytics-web-sessions-model-export-/);
    const bundle = JSON.parse(text) as { scope: string; models: { slug: string }[]; connections: { name: string }[] };
    expect(bundle.scope).toBe("model");
    expect(bundle.models.map((m) => m.slug)).toEqual(["web-sessions"]);
    expect(bundle.connections.map((c) => c.name)).toEqual(["bq-events"]);

    // The project export API refuses a viewer.
    const response = await page.request.post("/api/v1/projects/sales-analytics/export?tenant=acme", { data: {} });
    expect(response.status()).toBe(403);
    expect((await response.json()) as unknown).toMatchObject({ error: { code: "FORBIDDEN" } });
  });
});
