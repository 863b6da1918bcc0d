import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrl } from "./servers";

// Scratch copies of Sales Analytics for the safety net's screens: imported through the API (as
// the signed-in page's user), so History has imports, snapshots and results to show, and removed
// afterwards so the demo project and the other specs are untouched.

export type Bundle = {
  connections?: { name: string }[];
  models: { slug: string }[];
  recipes?: { definition: unknown }[];
  agent?: { modelContexts: { model: string }[] };
  accessBindings?: { model?: string | null }[];
} & Record<string, unknown>;

/** Sales Analytics as a stripped bundle, access bindings included (lead ADMIN, analyst VIEWER). */
export async function exportSales(page: Page): Promise<Bundle> {
  const exported = await page.request.post("/api/v1/projects/sales-analytics/export?tenant=acme", {
    data: { stable: true, sections: ["connections", "llmConfigs", "agent", "recipes", "settings", "accessBindings"] },
  });
  expect(exported.status()).toBe(200);
  return (await exported.json()) as Bundle;
}

export interface ImportAnswer {
  importId: string;
  resultHref: string;
  snapshot?: { id: string };
}

/** Imports into acme/<slug>, each connection mapped onto the tenant's connection of that name. */
export async function importInto(
  page: Page,
  slug: string,
  bundle: Bundle,
  mode: "create" | "replace" | "merge",
): Promise<ImportAnswer> {
  const response = await page.request.post("/api/v1/projects/import", {
    multipart: {
      bundle: { name: "bundle.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bundle)) },
      options: JSON.stringify({
        mode,
        tenant: "acme",
        projectSlug: slug,
        // Never "Sales Analytics": other specs find the demo project by its name.
        displayName: `Copy ${slug}`,
        connectionMapping: Object.fromEntries(
          (bundle.connections ?? []).map((c) => [c.name, { action: "map", target: c.name }]),
        ),
      }),
    },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as ImportAnswer;
}

/** The bundle without the "returns" model and everything that names it. */
export function withoutReturns(bundle: Bundle): Bundle {
  return {
    ...bundle,
    agent: bundle.agent && {
      ...bundle.agent,
      modelContexts: bundle.agent.modelContexts.filter((c) => c.model !== "returns"),
    },
    recipes: bundle.recipes?.filter((r) => !JSON.stringify(r.definition).includes('"returns"')),
    accessBindings: bundle.accessBindings?.filter((b) => b.model !== "returns"),
    models: bundle.models.filter((m) => m.slug !== "returns"),
  };
}

export async function deleteProjects(...slugs: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  await client.query(`DELETE FROM "Project" WHERE slug = ANY($1::text[])`, [slugs]);
  await client.end();
}
