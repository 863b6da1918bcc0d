import { expect, test } from "./fixtures";

test.describe("personal access tokens", () => {
  test("a user creates a token, calls the API with it, and revokes it", async ({
    page,
    loginAs,
    request,
  }, testInfo) => {
    await loginAs("lead@acme.test");
    await page.getByRole("button", { name: "Account menu" }).click();
    await page.getByRole("menuitem", { name: "Access tokens" }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByRole("heading", { name: "Personal access tokens" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("tokens-before.png"), fullPage: true });

    await page.getByLabel("Name", { exact: true }).fill("e2e <b>script</b>");
    await page.getByLabel("Expires after (days)").fill("7");
    await page.getByRole("button", { name: "Create token" }).click();
    const tokenField = page.getByLabel("New access token");
    await expect(tokenField).toBeVisible();
    await expect(page.getByText("You won't be able to see it again")).toBeVisible();
    const token = await tokenField.inputValue();
    expect(token).toMatch(/^ferry_pat_[A-Za-z0-9_-]{43}$/);
    const row = page.getByRole("row", { name: /e2e <b>script<\/b>/ });
    await expect(row.getByText("active")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("tokens-after.png"), fullPage: true });

    // `request` has no browser cookies: only the token authenticates these calls.
    const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ email: "lead@acme.test", tenants: [{ slug: "acme", role: "MEMBER" }] });

    await row.getByRole("button", { name: "Revoke token e2e <b>script</b>" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText("cannot be undone");
    await dialog.getByRole("button", { name: "Revoke token" }).click();
    await expect(dialog).toBeHidden();
    await expect(row.getByText("revoked")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("tokens-revoked.png"), fullPage: true });

    const refused = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });

    // Shown once: after a reload only its prefix is left.
    await page.reload();
    await expect(page.getByLabel("New access token")).toHaveCount(0);
    await expect(page.getByText(token)).toHaveCount(0);
    await expect(row.getByText(token.slice(0, 16))).toBeVisible();
  });

  test("invalid input is explained next to the field", async ({ page, loginAs }) => {
    await loginAs("analyst@acme.test");
    await page.goto("/settings");
    await page.getByLabel("Expires after (days)").fill("0");
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByText("Give the token a name.")).toBeVisible();
    await expect(page.getByText("A token lasts at least 1 day.")).toBeVisible();
    await expect(page.getByLabel("New access token")).toHaveCount(0);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
  });

  test("the API answers health checks and refuses anonymous callers", async ({ request }) => {
    const health = await request.get("/api/v1/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const anonymous = await request.get("/api/v1/projects");
    expect(anonymous.status()).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  });
});
