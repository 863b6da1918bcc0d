import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const PASSPHRASE = "e2e import passphrase";

/** Downloads Sales Analytics through the Export Project dialog (the page must show the sidebar). */
export async function exportBundle(
  page: Page,
  options: { credentials?: boolean; accessBindings?: boolean } = {},
): Promise<string> {
  await page.getByRole("button", { name: "Actions for Sales Analytics" }).click();
  await page.getByRole("menuitem", { name: "Export Project…" }).click();
  const dialog = page.getByRole("dialog");
  if (options.accessBindings) await dialog.getByLabel("Access bindings").click();
  if (options.credentials) {
    await dialog.getByLabel("Include credentials").click();
    await dialog.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
    await dialog.getByLabel("Repeat passphrase").fill(PASSPHRASE);
  }
  const download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Export" }).click();
  const file = path.join(os.tmpdir(), `ferry-e2e-${Date.now()}-${(await download).suggestedFilename()}`);
  await (await download).saveAs(file);
  await dialog.getByRole("button", { name: "Close" }).first().click();
  return file;
}

/** Downloads one model through the model page's Export Model dialog. */
export async function exportModel(page: Page, modelUrl: string, modelName: string): Promise<string> {
  await page.goto(modelUrl);
  await page.getByRole("button", { name: `Actions for model ${modelName}` }).click();
  await page.getByRole("menuitem", { name: "Export Model…" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("dialog").getByRole("button", { name: "Export" }).click();
  const file = path.join(os.tmpdir(), `ferry-e2e-model-${Date.now()}.json`);
  await (await download).saveAs(file);
  return file;
}

export function removeFile(file: string): void {
  fs.rmSync(file, { force: true });
}

/** From the wizard's options: Review changes, wait for the plan, then Import (no confirmation asked). */
export async function reviewAndImport(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByRole("heading", { name: "Review changes" })).toBeFocused();
  await page.getByRole("button", { name: "Import", exact: true }).click({ timeout: 60_000 });
}
