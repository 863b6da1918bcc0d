import { expect, test } from "./fixtures";
import { watchForSecrets } from "./no-secrets";

const SALES = "/t/acme/p/sales-analytics";

test.describe("project tabs", () => {
  test("a project admin links and unlinks connections", async ({ page, loginAs }) => {
    await loginAs("lead@acme.test");
    await page.goto(SALES);
    await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Connections" }).click();
    await expect(page.getByRole("heading", { name: "Connections", level: 2 })).toBeVisible();
    await expect(page.getByRole("row", { name: /warehouse-pg/ }).getByText("customers, orders, returns")).toBeVisible();

    await page.getByLabel("Connection to link").selectOption("mysql-legacy");
    await page.getByRole("button", { name: "Link connection" }).click();
    await expect(page.getByRole("row", { name: /mysql-legacy/ })).toBeVisible();
    await expect(page.getByText("Every connection of the tenant is already linked to this project.")).toBeVisible();

    await page.getByRole("button", { name: "Unlink warehouse-pg" }).click();
    const confirm = page.getByRole("alertdialog");
    await confirm.getByRole("button", { name: "Unlink" }).click();
    await expect(confirm.getByText("is used by models customers, orders, returns of this project")).toBeVisible();
    await confirm.getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("button", { name: "Unlink mysql-legacy" }).click();
    await confirm.getByRole("button", { name: "Unlink" }).click();
    await expect(page.getByRole("row", { name: /mysql-legacy/ })).toHaveCount(0);
    await expect(page.getByLabel("Connection to link")).toHaveValue("mysql-legacy");
  });

  test("a project admin creates, edits and deletes an LLM config", async ({ page, loginAs }) => {
    const secrets = watchForSecrets(page, ["e2e-Secr3t-key"]);
    await loginAs("lead@acme.test");
    await page.goto(`${SALES}/llm`);
    await expect(page.getByText("It does not call LLM providers yet.")).toBeVisible();
    await expect(page.getByRole("row", { name: /primary/ }).getByText("key set")).toBeVisible();

    await page.getByRole("button", { name: "New LLM config" }).click();
    const dialog = page.getByRole("dialog", { name: "New LLM config" });
    await dialog.getByLabel("Name").fill("e2e-azure");
    await dialog.getByLabel("Provider").selectOption("azure-openai");
    await dialog.getByLabel("Model").fill("gpt-4o");
    await dialog.getByLabel("Parameters (JSON)").fill('{ "temperature": 3 }');
    await dialog.getByRole("button", { name: "Create LLM config" }).click();
    await expect(dialog.getByText("Azure OpenAI needs an endpoint URL.")).toBeVisible();
    await expect(dialog.getByText("temperature is a number from 0 to 2.")).toBeVisible();

    await dialog.getByLabel("Endpoint URL").fill("https://e2e.openai.azure.com/openai");
    await dialog.getByLabel("Parameters (JSON)").fill('{ "temperature": 0.7, "maxTokens": 512, "seed": 7 }');
    await dialog.getByLabel("API key").fill("e2e-Secr3t-key");
    await dialog.getByRole("button", { name: "Create LLM config" }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole("row", { name: /e2e-azure/ });
    await expect(row.getByText("Azure OpenAI")).toBeVisible();
    await expect(row.getByText("key set")).toBeVisible();
    await expect(row.getByText('"seed":7')).toBeVisible();

    await page.getByRole("button", { name: "Edit e2e-azure" }).click();
    const edit = page.getByRole("dialog", { name: "Edit LLM config e2e-azure" });
    await expect(edit.getByLabel("API key", { exact: true })).toHaveValue("");
    await edit.getByLabel("Model").fill("gpt-4o-mini");
    await edit.getByRole("button", { name: "Save LLM config" }).click();
    await expect(edit).toBeHidden();
    await expect(row.getByText("gpt-4o-mini")).toBeVisible();
    await expect(row.getByText("active")).toBeVisible();

    await page.getByRole("button", { name: "Delete e2e-azure" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
    await expect(row).toHaveCount(0);
    await secrets.check();
  });

  test("a project admin edits the agent configuration", async ({ page, loginAs }) => {
    await loginAs("lead@acme.test");
    await page.goto(`${SALES}/agent`);
    await expect(page.getByLabel("Rubric 1 Name")).toHaveValue("accuracy");
    await page.getByRole("button", { name: "Add rubric" }).click();
    await page.getByLabel("Rubric 3 Name").fill("e2e-safety");
    await page.getByLabel("Rubric 3 Weight").fill("1.5");
    await page.getByLabel("Rubric 3 Criteria").fill("No personal data in answers.");
    await page.getByRole("button", { name: "Save agent configuration" }).click();
    await expect(page.getByText("The weight is a number from 0 to 1.")).toBeVisible();

    await page.getByLabel("Rubric 3 Weight").fill("0.2");
    await page.getByRole("button", { name: "Add model context" }).click();
    await page.getByLabel("Context 4 Model").selectOption("returns");
    await page.getByLabel("Context 4 Context").fill("Refunds are in USD.");
    await page.getByLabel("Webhook URL (optional)").fill("https://hooks.acme.test/e2e");
    await page.getByRole("button", { name: "Save agent configuration" }).click();
    await expect(page.getByText("Agent configuration saved.")).toBeVisible();

    await page.reload();
    await expect(page.getByLabel("Rubric 3 Name")).toHaveValue("e2e-safety");
    await expect(page.getByLabel("Context 4 Model")).toHaveValue("returns");
    await expect(page.getByLabel("Webhook URL (optional)")).toHaveValue("https://hooks.acme.test/e2e");
  });

  test("an editor creates, edits and deletes a recipe", async ({ page, loginAs }) => {
    await loginAs("lead@acme.test");
    await page.goto(`${SALES}/recipes`);
    await page.getByRole("button", { name: "New recipe" }).click();
    const dialog = page.getByRole("dialog", { name: "New recipe" });
    await dialog.getByLabel("Name").fill("E2E <b>recipe</b>");
    await dialog.getByLabel("Slug").fill("e2e-recipe");
    await dialog
      .getByLabel("Definition (JSON)")
      .fill(JSON.stringify({ models: ["orders"], steps: [{ measure: "customers.customer_count" }] }));
    await dialog.getByRole("button", { name: "Create recipe" }).click();
    await expect(
      dialog.getByText('steps[0].measure uses model "customers", which is not listed in models.'),
    ).toBeVisible();

    await dialog
      .getByLabel("Definition (JSON)")
      .fill(JSON.stringify({ models: ["orders", "campaigns"], steps: [{ measure: "orders.revenue" }] }));
    await dialog.getByRole("button", { name: "Create recipe" }).click();
    await expect(dialog.getByText('Model "campaigns" does not exist in this project.')).toBeVisible();

    await dialog.getByLabel("Definition (JSON)").fill(
      JSON.stringify({
        models: ["orders", "customers"],
        steps: [{ measure: "orders.revenue" }, { measure: "customers.customer_count" }],
      }),
    );
    await dialog.getByRole("button", { name: "Create recipe" }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole("row", { name: /e2e-recipe/ });
    await expect(row.getByText("E2E <b>recipe</b>")).toBeVisible();
    await expect(row.getByText("orders.revenue → customers.customer_count")).toBeVisible();

    await page.getByRole("button", { name: "Edit e2e-recipe" }).click();
    const edit = page.getByRole("dialog", { name: /Edit recipe/ });
    await edit.getByLabel("Name").fill("E2E recipe v2");
    await edit.getByRole("button", { name: "Save recipe" }).click();
    await expect(edit).toBeHidden();
    await expect(row.getByText("E2E recipe v2")).toBeVisible();

    await page.getByRole("button", { name: "Delete e2e-recipe" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
    await expect(row).toHaveCount(0);
  });

  test("a project admin manages settings", async ({ page, loginAs }) => {
    await loginAs("lead@acme.test");
    await page.goto(`${SALES}/settings`);
    await expect(page.getByRole("row", { name: /timezone/ }).getByText('"America/New_York"')).toBeVisible();
    await page.getByRole("button", { name: "Add setting" }).click();
    const dialog = page.getByRole("dialog", { name: "Add setting" });
    await dialog.getByLabel("Key").fill("e2e.region");
    await dialog.getByLabel("Value (JSON)").fill("eu-west");
    await dialog.getByRole("button", { name: "Add setting" }).click();
    await expect(dialog.getByText(/Text needs double quotes/)).toBeVisible();
    await dialog.getByLabel("Value (JSON)").fill('"eu-west"');
    await dialog.getByRole("button", { name: "Add setting" }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole("row", { name: /e2e\.region/ });
    await expect(row.getByText('"eu-west"')).toBeVisible();

    await page.getByRole("button", { name: "Edit e2e.region" }).click();
    const edit = page.getByRole("dialog", { name: "Edit setting e2e.region" });
    await edit.getByLabel("Value (JSON)").fill('{ "primary": "eu-west", "fallback": ["us-east"] }');
    await edit.getByRole("button", { name: "Save setting" }).click();
    await expect(edit).toBeHidden();
    await expect(row.getByText('{"primary":"eu-west","fallback":["us-east"]}')).toBeVisible();

    await page.getByRole("button", { name: "Delete e2e.region" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
    await expect(row).toHaveCount(0);
  });

  test("a tenant admin renames and deactivates a project", async ({ page, loginAs }) => {
    await loginAs("admin@acme.test");
    await page.getByLabel("Display name").fill("E2E Tabs");
    await page.getByLabel("Slug").fill("e2e-tabs");
    await page.getByRole("button", { name: "Create project" }).click();
    await expect(page).toHaveURL(/\/t\/acme\/p\/e2e-tabs/);
    await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Settings" }).click();
    await page.getByLabel("Display name").fill("");
    await page.getByRole("button", { name: "Save project" }).click();
    await expect(page.getByText("Enter a display name.")).toBeVisible();

    await page.getByLabel("Display name").fill("E2E Tabs renamed");
    await page.getByRole("switch", { name: "Active" }).click();
    await page.getByRole("button", { name: "Save project" }).click();
    await expect(page.getByText("Project saved.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "E2E Tabs renamed", level: 1 })).toBeVisible();
    await expect(page.getByText("inactive", { exact: true })).toBeVisible();
    await expect(
      page.getByRole("complementary", { name: "Projects" }).getByRole("link", { name: /E2E Tabs renamed/ }),
    ).toBeVisible();
    await expect(page.getByText("This project has no settings yet.")).toBeVisible();
  });

  test("a project admin grants, changes and revokes access", async ({ page, loginAs }) => {
    await loginAs("lead@acme.test");
    await page.goto(`${SALES}/access`);
    await page.getByLabel("Email").fill("nobody@acme.test");
    await page.getByRole("button", { name: "Grant access" }).click();
    await expect(
      page.getByText("No member of Acme Corp has the email nobody@acme.test.", { exact: false }),
    ).toBeVisible();
    await page.getByLabel("Email").fill("admin@globex.test");
    await page.getByRole("button", { name: "Grant access" }).click();
    await expect(
      page.getByText("No member of Acme Corp has the email admin@globex.test.", { exact: false }),
    ).toBeVisible();

    await page.getByLabel("Email").fill("admin@acme.test");
    await page.getByLabel("Role", { exact: true }).selectOption("EDITOR");
    await page.getByLabel("Scope").selectOption({ label: "Model: Orders" });
    await page.getByRole("button", { name: "Grant access" }).click();
    await expect(page.getByText("admin@acme.test is now EDITOR of model orders.")).toBeVisible();
    const role = page.getByLabel("Role of admin@acme.test on model orders");
    await expect(role).toHaveValue("EDITOR");

    await role.selectOption("ADMIN");
    await expect(page.getByText("Role updated.")).toBeVisible();
    await page.reload();
    await expect(role).toHaveValue("ADMIN");

    // Lowering one's own project-wide admin role is refused (it would lock the lead out).
    const own = page.getByLabel("Role of lead@acme.test on the whole project");
    await own.selectOption("VIEWER");
    await expect(
      page.getByText("You cannot remove your own admin role on this project.", { exact: false }),
    ).toBeVisible();
    await expect(own).toHaveValue("ADMIN");

    await page.getByRole("button", { name: "Revoke admin@acme.test on model orders" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
    await expect(role).toHaveCount(0);
  });

  test("a viewer sees every tab without edit controls", async ({ page, loginAs }) => {
    const secrets = watchForSecrets(page);
    await loginAs("analyst@acme.test");
    const tabs: [string, RegExp | string][] = [
      ["connections", "warehouse-pg"],
      ["llm", "claude-sonnet-4"],
      ["agent", "Numbers match the deployed models."],
      ["recipes", "Revenue per session"],
      ["settings", "cache.ttlSeconds"],
      ["access", "lead@acme.test"],
    ];
    for (const [tab, text] of tabs) {
      await page.goto(`${SALES}/${tab}`);
      await expect(page.getByText(text, { exact: true }).first()).toBeVisible();
      await expect(
        page.getByRole("button", { name: /^(New|Add|Edit|Delete|Unlink|Revoke|Link|Grant|Save|Create)\b/ }),
      ).toHaveCount(0);
      await expect(page.getByRole("textbox")).toHaveCount(0);
      await expect(page.getByRole("combobox")).toHaveCount(0);
    }
    await secrets.check();
  });
});
