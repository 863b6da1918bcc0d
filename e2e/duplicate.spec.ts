import { expect, test } from "./fixtures";
import { sql } from "./support/sql";

const ACROSS = "e2e-sales-in-globex";
/** The tenant connections a copy into globex creates: removed again, so globex keeps only its own. */
const removeCopyInGlobex = async () => {
  await sql(`DELETE FROM "Project" WHERE slug = $1`, [ACROSS]);
  await sql(
    `DELETE FROM "Connection" c USING "Tenant" t WHERE c."tenantId" = t.id AND t.slug = 'globex' AND c.name <> ALL($1)`,
    [["globex-pg", "globex-mysql"]],
  );
};

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

  test("copies into another tenant the user administers, with its secrets re-encrypted there", async ({
    page,
    loginAs,
  }) => {
    await removeCopyInGlobex();
    try {
      await loginAs("root@ferry.test");
      await page.goto("/t/acme");
      await page.getByRole("button", { name: "Actions for Sales Analytics" }).click();
      await page.getByRole("menuitem", { name: "Duplicate project…" }).click();
      const dialog = page.getByRole("dialog", { name: /Duplicate project/ });
      const tenant = dialog.getByLabel("Tenant");
      await expect(tenant).toHaveValue("acme");
      await expect(dialog.getByText("It uses the same connections.")).toBeVisible();
      await tenant.selectOption({ label: "Globex Inc" });
      await expect(
        dialog.getByText(/created there with their secrets re-encrypted under Globex Inc's key/),
      ).toBeVisible();
      await dialog.getByLabel("Slug").fill(ACROSS);
      await dialog.getByLabel("Display name").fill("Sales in Globex (e2e)");
      await dialog.getByRole("button", { name: "Duplicate" }).click();
      await expect(page).toHaveURL(new RegExp(`/t/globex/p/${ACROSS}$`), { timeout: 30_000 });
      await expect(page.getByText("Duplicated as “Sales in Globex (e2e)” in Globex Inc")).toBeVisible();
      await expect(page.getByRole("heading", { level: 1, name: "Sales in Globex (e2e)" })).toBeVisible();
      // Keys and connection secrets arrived usable: nothing is left pending in the copy or in globex.
      await page.goto(`/t/globex/p/${ACROSS}/llm`);
      await expect(page.getByRole("heading", { level: 1, name: "Sales in Globex (e2e)" })).toBeVisible();
      await expect(page.getByText("pending", { exact: false })).toHaveCount(0);
      const connections = await sql(
        `SELECT c.name, c.status FROM "Connection" c JOIN "Tenant" t ON t.id = c."tenantId"
          WHERE t.slug = 'globex' AND c.name <> ALL($1) ORDER BY c.name`,
        [["globex-pg", "globex-mysql"]],
      );
      expect(connections.length).toBeGreaterThan(0);
      for (const connection of connections) expect(connection).toMatchObject({ status: "ACTIVE" });
    } finally {
      await removeCopyInGlobex();
    }
  });

  test("offers no tenant choice to an admin of one tenant", async ({ page, loginAs }) => {
    await loginAs("admin@acme.test");
    await page.getByRole("button", { name: "Actions for Sales Analytics" }).click();
    await page.getByRole("menuitem", { name: "Duplicate project…" }).click();
    const dialog = page.getByRole("dialog", { name: /Duplicate project/ });
    await expect(dialog.getByLabel("Slug")).toBeVisible();
    await expect(dialog.getByLabel("Tenant")).toHaveCount(0);
  });

  test("is not offered to a project ADMIN who is not a tenant admin", async ({ page, loginAs }) => {
    await loginAs("lead@acme.test");
    await page.getByRole("button", { name: "Actions for Sales Analytics" }).click();
    await expect(page.getByRole("menuitem", { name: "Export Project…" })).toBeVisible();
    await expect(page.getByRole("menuitem", { name: "Duplicate project…" })).toHaveCount(0);
  });
});
