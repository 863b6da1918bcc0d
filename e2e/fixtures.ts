import { expect, test as base, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "ferry-demo-pass";

export async function login(page: Page, email: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/t\/[a-z0-9-]+/);
}

export const test = base.extend<{ loginAs: (email: string) => Promise<void> }>({
  loginAs: async ({ page }, use) => {
    await use((email) => login(page, email));
  },
});

export { expect };
