import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { reviewAndImport } from "./support/bundles";
import { sql } from "./support/sql";

// Reference projects (SPEC §13) in the browser: imported as a reference from the wizard, the badge
// and the notice naming the source, configuration controls gone with the reason said, operations
// still there, Detach… for a tenant admin only.

const SLUG = "e2e-reference";

/** Sales Analytics with its access bindings (lead@acme is its ADMIN), without credentials. */
async function writeBundle(page: Page): Promise<string> {
  const response = await page.request.post("/api/v1/projects/sales-analytics/export?tenant=acme", {
    data: { sections: ["connections", "llmConfigs", "agent", "recipes", "settings", "accessBindings"] },
  });
  expect(response.status()).toBe(200);
  const file = path.join(os.tmpdir(), `ferry-e2e-reference-${Date.now()}.json`);
  fs.writeFileSync(file, await response.body());
  return file;
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).setLegacyMode().analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe("reference projects", () => {
  test.beforeEach(() => sql(`DELETE FROM "Project" WHERE slug = $1`, [SLUG]));
  test.afterAll(() => sql(`DELETE FROM "Project" WHERE slug = $1`, [SLUG]));

  test("imported as a reference: badge, notice, read-only tabs, operations kept, then detached", async ({
    page,
    loginAs,
  }) => {
    await loginAs("admin@acme.test");
    const file = await writeBundle(page);
    await page.goto("/t/acme/import");
    await page.getByLabel("Choose project export file (.json)").setInputFiles(file);
    await expect(page.getByRole("heading", { name: "Choose how to import" })).toBeFocused();
    await page.getByLabel("Project slug").fill(SLUG);
    await page.getByLabel(/Import as a reference/).check();
    await reviewAndImport(page);
    await expect(page.getByText(/imported as a reference of sales-analytics/i).first()).toBeVisible({
      timeout: 60_000,
    });
    // The toast says what was imported, as what, and the models' counts.
    await expect(page.getByText("Imported “Sales Analytics” as a reference")).toBeVisible();
    await expect(page.getByText(/^Models: \d+ created/)).toBeVisible();
    fs.rmSync(file, { force: true });

    await page.goto(`/t/acme/p/${SLUG}`);
    await expect(page.getByText("Reference", { exact: true })).toBeVisible();
    await expect(page.getByRole("main").getByText(/Reference of sales-analytics \(acme on .+\)/)).toBeVisible();
    // Operations stay; configuration goes.
    await expect(page.getByRole("button", { name: /Deploy all/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Import model" })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.goto(`/t/acme/p/${SLUG}/settings`);
    await expect(page.getByText("Read-only: a reference project follows its source.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Add setting" })).toHaveCount(0);
    await page.goto(`/t/acme/p/${SLUG}/llm`);
    await expect(page.getByRole("button", { name: "New LLM config" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Edit primary" })).toHaveCount(0);
    // Entering a pending key is an operation: only the key is asked for.
    await page.getByRole("button", { name: "Enter the API key of primary" }).click();
    const keyDialog = page.getByRole("dialog", { name: "API key of primary" });
    await expect(keyDialog.getByLabel("Model")).toHaveCount(0);
    await keyDialog.getByLabel("API key").fill("sk-e2e-entered");
    await keyDialog.getByRole("button", { name: "Save API key" }).click();
    await expect(keyDialog).toHaveCount(0);
    const [primary] = await sql(
      `SELECT l.status FROM "LlmConfig" l JOIN "Project" p ON p.id = l."projectId" WHERE p.slug = $1 AND l.name = 'primary'`,
      [SLUG],
    );
    expect(primary?.status).toBe("ACTIVE");

    // The sidebar's ⋮ says why Import Model… is not offered.
    await page.getByRole("button", { name: "Actions for Sales Analytics (e2e-reference)" }).click();
    await expect(page.getByRole("menuitem", { name: /Import Model…\s*Read-only: a reference project/ })).toBeDisabled();
    await page.keyboard.press("Escape");

    // Detach…: an ordinary project again, editable.
    await page.goto(`/t/acme/p/${SLUG}/settings`);
    await page.getByRole("button", { name: "Detach…" }).click();
    const confirm = page.getByRole("alertdialog", { name: /Detach e2e-reference from its source/ });
    await confirm.getByRole("button", { name: "Detach" }).click();
    await expect(page.getByText(`Detached ${SLUG}`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Add setting" })).toBeVisible();
    await expect(page.getByText("Reference", { exact: true })).toHaveCount(0);
  });

  test("a project ADMIN who is not a tenant admin sees the notice without Detach…", async ({ page, loginAs }) => {
    await loginAs("admin@acme.test");
    const file = await writeBundle(page);
    const created = await page.request.post("/api/v1/projects/import", {
      multipart: {
        bundle: { name: "sales.json", mimeType: "application/json", buffer: fs.readFileSync(file) },
        options: JSON.stringify({
          mode: "create",
          tenant: "acme",
          projectSlug: SLUG,
          reference: true,
          connectionMapping: Object.fromEntries(
            ((JSON.parse(fs.readFileSync(file, "utf8")) as { connections?: { name: string }[] }).connections ?? []).map(
              (c) => [c.name, { action: "map", target: c.name }],
            ),
          ),
        }),
      },
    });
    expect(created.status()).toBe(200);
    fs.rmSync(file, { force: true });
    await page.context().clearCookies();
    await loginAs("lead@acme.test");
    await page.goto(`/t/acme/p/${SLUG}/recipes`);
    await expect(page.getByText(/Reference of sales-analytics/).first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Detach…" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "New recipe" })).toHaveCount(0);
  });
});
