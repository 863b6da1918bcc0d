import { expect, test } from "./fixtures";

const sidebar = (page: import("@playwright/test").Page) => page.getByRole("complementary", { name: "Projects" });

test.describe("workspace", () => {
  test("each demo role sees its projects", async ({ page, loginAs }) => {
    const expectations: [string, string[], string[]][] = [
      ["root@ferry.test", ["Sales Analytics", "Marketing (dev)"], []],
      ["admin@acme.test", ["Sales Analytics", "Marketing (dev)"], ["Finance"]],
      ["lead@acme.test", ["Sales Analytics"], ["Marketing (dev)"]],
      ["analyst@acme.test", ["Sales Analytics"], ["Marketing (dev)"]],
      ["admin@globex.test", ["Finance"], ["Sales Analytics"]],
    ];
    for (const [email, visible, hidden] of expectations) {
      await page.context().clearCookies();
      await loginAs(email);
      for (const name of visible)
        await expect(
          sidebar(page).getByRole("link", { name: new RegExp(name.replace(/[()]/g, "\\$&")) }),
        ).toBeVisible();
      for (const name of hidden)
        await expect(sidebar(page).getByRole("link", { name: new RegExp(name.replace(/[()]/g, "\\$&")) })).toHaveCount(
          0,
        );
    }
  });

  test("a wrong password is refused in words", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("lead@acme.test");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  });

  test("the system admin switches tenants", async ({ page, loginAs }) => {
    await loginAs("root@ferry.test");
    await page.getByRole("button", { name: "Switch tenant" }).click();
    await page.getByRole("menuitem", { name: /Globex Inc/ }).click();
    await expect(page).toHaveURL(/\/t\/globex/);
    await expect(sidebar(page).getByRole("link", { name: /Finance/ })).toBeVisible();
  });

  test("a project lead saves a model version, deploys it and refreshes", async ({ page, loginAs }) => {
    await loginAs("lead@acme.test");
    await sidebar(page)
      .getByRole("link", { name: /Sales Analytics/ })
      .click();
    await expect(page.getByRole("heading", { name: "Sales Analytics" })).toBeVisible();
    await page.getByRole("link", { name: "Returns" }).click();
    await expect(page.getByRole("heading", { name: "Returns" })).toBeVisible();

    const editor = page.getByLabel("Definition (JSON)");
    const draft = JSON.parse(await editor.inputValue()) as { description: string };
    draft.description = "Returns, reviewed in e2e";
    await editor.fill(JSON.stringify(draft, null, 2));
    await page.getByLabel("Version message").fill("Describe returns");
    await page.getByRole("button", { name: "Save as new version" }).click();
    await expect(page.getByText("Saved as version 4.")).toBeVisible();
    await expect(page.getByRole("cell", { name: "Describe returns" })).toBeVisible();

    // Version 1 is live: deploying another one asks first, and says what happened in a toast.
    await page.getByRole("button", { name: "Deploy version 4" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Make version 4 live instead of version 1?" });
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByText("deployed v1")).toBeVisible();
    await page.getByRole("button", { name: "Deploy version 4" }).click();
    await confirm.getByRole("button", { name: "Deploy version 4" }).click();
    await expect(page.getByText("deployed v4")).toBeVisible();
    await expect(page.getByText("Deployed version 4 of Returns")).toBeVisible();

    await page.getByRole("button", { name: "Refresh", exact: true }).click();
    await expect(page.getByText("Rebuilt 0 aggregates and 1 pocket", { exact: true })).toBeVisible();
    await expect(page.getByRole("row", { name: /open_returns/ }).getByText("fresh")).toBeVisible();
  });

  test("invalid JSON in the draft editor is reported and cannot be saved", async ({ page, loginAs }) => {
    await loginAs("lead@acme.test");
    await page.goto("/t/acme/p/sales-analytics/m/orders");
    await page.getByLabel("Definition (JSON)").fill("{ not json");
    await expect(page.getByText(/Not valid JSON/)).toBeVisible();
    await page.getByLabel("Version message").fill("broken");
    await expect(page.getByRole("button", { name: "Save as new version" })).toBeDisabled();
  });

  test("a viewer cannot edit, deploy or refresh", async ({ page, loginAs }) => {
    await loginAs("analyst@acme.test");
    await page.goto("/t/acme/p/sales-analytics/m/orders");
    await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible();
    await expect(page.getByLabel("Definition (JSON)")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Deploy version/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Refresh/ })).toHaveCount(0);
    await page.goto("/t/acme/p/marketing-dev");
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });

  test("a tenant admin creates a project", async ({ page, loginAs }) => {
    await loginAs("admin@acme.test");
    await page.getByLabel("Display name").fill("E2E <script>alert(1)</script>");
    await page.getByLabel("Slug").fill("e2e-created");
    await page.getByRole("button", { name: "Create project" }).click();
    await expect(page).toHaveURL(/\/t\/acme\/p\/e2e-created/);
    await expect(page.getByRole("heading", { name: "E2E <script>alert(1)</script>" })).toBeVisible();
    await expect(page.getByText("This project has no models yet.")).toBeVisible();
  });
});
