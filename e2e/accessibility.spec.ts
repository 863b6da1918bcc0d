import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, login, test } from "./fixtures";
import { deleteProjects, exportSales, importInto, withoutReturns } from "./support/history";

// axe-core on every main page and dialog state, each in light and dark mode: any violation of any
// impact fails. label-content-name-mismatch is an experimental rule, enabled on purpose: a
// control whose visible text is not part of its accessible name cannot be operated by voice.

const SALES = "/t/acme/p/sales-analytics";
const PASSPHRASE = "e2e axe passphrase";
const SCHEMES = ["light", "dark"] as const;
type Scheme = (typeof SCHEMES)[number];

interface Finding {
  state: string;
  rule: string;
  impact: string | null | undefined;
  targets: string[];
}

/**
 * Until every finite animation and transition on the page has finished (dialogs, menus, the
 * theme); one still running after 5 s fails the test, named.
 */
async function settled(page: Page): Promise<void> {
  const late = await page.evaluate(async () => {
    // Two frames first: what the last event mounted (portals, effects) has rendered and started
    // its transitions.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const running = document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
    const finished = Promise.all(running.map((animation) => animation.finished.catch(() => undefined)));
    const timedOut = await Promise.race([
      finished.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 5_000)),
    ]);
    if (!timedOut) return [];
    return running
      .filter((animation) => animation.playState !== "finished")
      .map((animation) => (animation instanceof CSSAnimation ? animation.animationName : animation.id) || "unnamed");
  });
  expect(late, "animations still running after 5 s").toEqual([]);
}

/** The app in a colour scheme: it follows the system's by default, and so does its toast region. */
async function useScheme(page: Page, scheme: Scheme): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
  // The toaster takes the theme from React state, a render after the class.
  const toaster = page.locator("[data-sonner-toaster]");
  if ((await toaster.count()) > 0) await expect(toaster.first()).toHaveAttribute("data-sonner-theme", scheme);
}

/**
 * The page as it is, in each colour scheme in turn (`schemes`: only those; a toast, which closes
 * itself after 4 s, is audited once per scheme, each right after it shows).
 */
async function audit(
  page: Page,
  state: string,
  findings: Finding[],
  schemes: readonly Scheme[] = SCHEMES,
): Promise<void> {
  for (const scheme of schemes) {
    await useScheme(page, scheme);
    // Colour contrast is measured on final colours: transitions (dialogs, menus) must have ended.
    await settled(page);
    // Legacy mode runs axe inside the page (no helper page): this app has no iframes to combine.
    const results = await new AxeBuilder({ page })
      .setLegacyMode()
      .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
      .analyze();
    for (const violation of results.violations)
      findings.push({
        state: `${state} (${scheme})`,
        rule: violation.id,
        impact: violation.impact,
        targets: violation.nodes.map((node) => node.target.join(" ")),
      });
  }
}

async function writeBundle(page: Page): Promise<string> {
  const response = await page.request.post(`/api/v1/projects/sales-analytics/export?tenant=acme`, {
    data: { includeCredentials: true, passphrase: PASSPHRASE, stable: true },
  });
  expect(response.status()).toBe(200);
  const file = path.join(os.tmpdir(), `ferry-e2e-axe-${Date.now()}.json`);
  fs.writeFileSync(file, await response.body());
  return file;
}

const HISTORY_COPY = "e2e-axe-history";
const REFERENCE = "e2e-axe-reference";
test.afterAll(() => deleteProjects(HISTORY_COPY, REFERENCE));

/** Sales Analytics imported as a reference (SPEC §13) without credentials: its LLM key is pending. */
async function importReference(page: Page, slug: string): Promise<void> {
  const exported = await page.request.post(`/api/v1/projects/sales-analytics/export?tenant=acme`, {
    data: { sections: ["connections", "llmConfigs", "agent", "recipes", "settings", "accessBindings"] },
  });
  expect(exported.status()).toBe(200);
  const buffer = await exported.body();
  const connections = (JSON.parse(buffer.toString("utf8")) as { connections?: { name: string }[] }).connections ?? [];
  const created = await page.request.post("/api/v1/projects/import", {
    multipart: {
      bundle: { name: "sales.json", mimeType: "application/json", buffer },
      options: JSON.stringify({
        mode: "create",
        tenant: "acme",
        projectSlug: slug,
        reference: true,
        connectionMapping: Object.fromEntries(connections.map((c) => [c.name, { action: "map", target: c.name }])),
      }),
    },
  });
  expect(created.status()).toBe(200);
}

test("no axe violations on any page or dialog, light and dark", async ({ page }) => {
  test.setTimeout(600_000);
  const findings: Finding[] = [];

  await page.goto("/login");
  await audit(page, "login", findings);

  await login(page, "admin@acme.test");
  await audit(page, "tenant home", findings);

  await page.getByRole("button", { name: /Switch tenant/ }).click();
  await audit(page, "tenant menu", findings);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: /Account menu/ }).click();
  await audit(page, "account menu", findings);
  await page.keyboard.press("Escape");

  for (const tab of ["", "/connections", "/llm", "/agent", "/recipes", "/settings", "/access", "/m/orders"]) {
    await page.goto(`${SALES}${tab}`);
    await expect(page.locator("main")).toBeVisible();
    await audit(page, `project ${tab || "/models"}`, findings);
  }
  await page.goto(`${SALES}/import-model`);
  await audit(page, "import model", findings);
  await page.goto("/t/acme/connections");
  await audit(page, "tenant connections", findings);
  await page.goto("/settings");
  await audit(page, "access tokens", findings);
  await page.goto("/t/acme/p/no-such-project");
  await audit(page, "not found", findings);

  // Export Project…: the form, its inline errors, and the done state.
  await page.goto(SALES);
  await page.getByRole("button", { name: "Actions for Sales Analytics" }).click();
  await audit(page, "project menu", findings);
  await page.getByRole("menuitem", { name: "Export Project…" }).click();
  const dialog = page.getByRole("dialog");
  await audit(page, "export project dialog", findings);
  await dialog.getByLabel("Include credentials").click();
  await dialog.getByLabel("Passphrase", { exact: true }).fill("short");
  await dialog.getByRole("button", { name: "Export" }).click();
  await expect(dialog.getByText("Use at least 8 characters.")).toBeVisible();
  await audit(page, "export project dialog, errors", findings);
  await dialog.getByLabel("Include credentials").click();
  const download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Export" }).click();
  await download;
  await expect(dialog.getByText(/Your download has started/)).toBeVisible();
  await audit(page, "export project dialog, done", findings);
  await page.keyboard.press("Escape");
  for (const scheme of SCHEMES) {
    // The export's toast, alone, in each scheme from its first frame.
    await expect(page.locator("[data-sonner-toast]")).toHaveCount(0);
    await useScheme(page, scheme);
    await page.getByRole("button", { name: "Actions for Sales Analytics" }).click();
    await page.getByRole("menuitem", { name: "Export Project…" }).click();
    const exported = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "Export" }).click();
    await exported;
    await page.keyboard.press("Escape");
    await expect(page.locator("[data-sonner-toast]").getByText(/^Exported /)).toBeVisible();
    await audit(page, "export toast", findings, [scheme]);
    // Closed, and gone: the toaster gives focus back as its list unmounts, which would close a
    // menu opened meanwhile.
    await page.locator("[data-sonner-toast]").getByRole("button", { name: "Close toast" }).click();
    await expect(page.locator("[data-sonner-toaster] [data-sonner-toast]")).toHaveCount(0);
  }

  // Export Model…
  await page.getByRole("button", { name: "Actions for model Orders" }).click();
  await page.getByRole("menuitem", { name: "Export Model…" }).click();
  await expect(dialog).toBeVisible();
  await audit(page, "export model dialog", findings);
  await page.keyboard.press("Escape");

  // The import wizard, step by step.
  const file = await writeBundle(page);
  await page.goto("/t/acme/import");
  await audit(page, "import wizard, file", findings);
  await page.getByLabel("Choose project export file (.json)").setInputFiles(file);
  await expect(page.getByLabel("Bundle summary")).toContainText("Sales Analytics");
  await audit(page, "import wizard, passphrase", findings);
  await page.getByLabel("Passphrase").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByLabel("Project slug")).toBeVisible();
  await audit(page, "import wizard, options", findings);
  // Plan before apply: a mixed selection, the review with an item opened, the replace confirmation.
  await page.getByLabel("Replace existing project").check();
  await page.getByText("Choose settings").click();
  await page.getByRole("checkbox", { name: "currency", exact: true }).click();
  await audit(page, "import wizard, options with a selection", findings);
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeVisible({ timeout: 30_000 });
  await page.locator("details summary").first().click();
  await audit(page, "import wizard, review", findings);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await audit(page, "import wizard, replace confirmation", findings);
  await page.keyboard.press("Escape");
  fs.rmSync(file, { force: true });

  // The safety net: History (empty and with rows), Restore…, Download with credentials, a result.
  await page.goto(`${SALES}/history`);
  await audit(page, "project history, empty", findings);
  const copy = HISTORY_COPY;
  const bundle = await exportSales(page);
  await importInto(page, copy, bundle, "create");
  const replaced = await importInto(page, copy, withoutReturns(bundle), "replace");
  await page.goto(`/t/acme/p/${copy}/history`);
  await expect(page.getByRole("table", { name: "Project history" })).toBeVisible();
  await audit(page, "project history", findings);
  await page.getByRole("button", { name: /^Restore…/ }).click();
  await expect(page.getByRole("dialog").getByText("The plan back:")).toBeVisible();
  await audit(page, "restore dialog, plan", findings);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: /^Download snapshot/ }).click();
  await audit(page, "snapshot download menu", findings);
  await page.getByRole("menuitem", { name: "With credentials…" }).click();
  await audit(page, "snapshot download dialog", findings);
  await page.getByRole("dialog").getByRole("button", { name: "Download" }).click();
  await expect(page.getByRole("dialog").getByText("Use at least 8 characters.")).toBeVisible();
  await audit(page, "snapshot download dialog, errors", findings);
  await page.keyboard.press("Escape");
  await page.goto(replaced.resultHref);
  await expect(page.getByRole("heading", { name: "Imported (replace): result" })).toBeVisible();
  await page.locator("details summary").first().click();
  await audit(page, "import result", findings);
  await page.getByRole("button", { name: "Deploy all" }).click();
  await audit(page, "deploy all confirmation", findings);
  await page.keyboard.press("Escape");
  await page.goto("/t/acme/history");
  await audit(page, "tenant history", findings);

  // Duplicate project… from the sidebar's ⋮.
  await page.goto(SALES);
  await page.getByRole("button", { name: /^Actions for Sales Analytics( \(sales-analytics\))?$/ }).click();
  await page.getByRole("menuitem", { name: "Duplicate project…" }).click();
  await expect(page.getByRole("dialog", { name: /Duplicate project/ })).toBeVisible();
  await audit(page, "duplicate project dialog", findings);
  await page.keyboard.press("Escape");

  // A reference project: the notice on its tabs, Detach…'s confirmation, entering a pending key.
  const reference = REFERENCE;
  await deleteProjects(reference);
  await importReference(page, reference);
  for (const tab of ["", "/settings", "/llm"]) {
    await page.goto(`/t/acme/p/${reference}${tab}`);
    await expect(page.getByRole("main").getByText(/Reference of sales-analytics/)).toBeVisible();
    await audit(page, `reference project ${tab || "/models"}`, findings);
  }
  await page.getByRole("button", { name: "Enter the API key of primary" }).click();
  await expect(page.getByRole("dialog", { name: "API key of primary" })).toBeVisible();
  await audit(page, "reference project, enter API key", findings);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Detach…" }).click();
  await expect(page.getByRole("alertdialog", { name: /Detach .* from its source/ })).toBeVisible();
  await audit(page, "reference project, detach confirmation", findings);
  await page.keyboard.press("Escape");
  await deleteProjects(reference);

  // Duplicate project… for an admin of several tenants: the tenant choice, another one chosen.
  await page.context().clearCookies();
  await login(page, "root@ferry.test");
  await page.goto(SALES);
  await page.getByRole("button", { name: /^Actions for Sales Analytics( \(sales-analytics\))?$/ }).click();
  await page.getByRole("menuitem", { name: "Duplicate project…" }).click();
  await page
    .getByRole("dialog", { name: /Duplicate project/ })
    .getByLabel("Tenant")
    .selectOption("globex");
  await audit(page, "duplicate project dialog, another tenant", findings);
  await page.keyboard.press("Escape");

  const summary = findings.map((f) => `${f.state}: ${f.rule} (${f.impact}) ${f.targets.slice(0, 3).join(", ")}`);
  console.log(`axe (light and dark): ${findings.length} violations\n${summary.join("\n")}`);
  expect(summary).toEqual([]);
});

test.describe("keyboard", () => {
  test("the first Tab reaches a skip link that moves focus to the main content", async ({ page, loginAs }) => {
    await loginAs("lead@acme.test");
    await page.goto(SALES);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });

  test("closing an export dialog gives focus back to the ⋮ that opened it", async ({ page, loginAs }) => {
    await loginAs("lead@acme.test");
    const projectMenu = page.getByRole("button", { name: "Actions for Sales Analytics" });
    for (const close of ["Escape", "Cancel"] as const) {
      await projectMenu.click();
      await page.getByRole("menuitem", { name: "Export Project…" }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      if (close === "Escape") await page.keyboard.press("Escape");
      else await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
      await expect(page.getByRole("dialog")).toHaveCount(0);
      await expect(projectMenu).toBeFocused();
    }

    await page.goto(`${SALES}`);
    const modelMenu = page.getByRole("button", { name: "Actions for model Orders" });
    for (const close of ["Escape", "Cancel"] as const) {
      await modelMenu.focus();
      await page.keyboard.press("Enter");
      await page.getByRole("menuitem", { name: "Export Model…" }).focus();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("dialog")).toBeVisible();
      if (close === "Escape") await page.keyboard.press("Escape");
      else await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
      await expect(page.getByRole("dialog")).toHaveCount(0);
      await expect(modelMenu).toBeFocused();
    }
  });
});
