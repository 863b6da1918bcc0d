import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorFor } from "@/test/actors";
import { deleteRecipe } from "./delete-recipe";
import { listRecipes } from "./list-recipes";
import { saveRecipe } from "./save-recipe";

const sales = { tenantSlug: "acme", projectSlug: "sales-analytics" };
const definition = {
  models: ["orders", "returns"],
  steps: [
    { measure: "orders.revenue" },
    { measure: "returns.refunded" },
    { expression: "returns.refunded / orders.revenue", as: "refund_share" },
  ],
};
const recipe = (overrides: Record<string, unknown> = {}) => ({
  slug: "refund-share",
  name: "Refund share",
  definition: JSON.stringify(definition),
  ...overrides,
});
const slugs = async () =>
  (
    await listRecipes({ projectId: (await db.project.findFirstOrThrow({ where: { slug: "sales-analytics" } })).id })
  ).map((r) => r.slug);

describe("recipes", () => {
  it("lists the demo recipes", async () => {
    expect(await slugs()).toEqual(["return-rate", "revenue-per-session"]);
  });

  it("lets editors create, rename and delete recipes", async () => {
    const lead = await actorFor("lead@acme.test");
    expect(await saveRecipe({ actor: lead, ...sales, input: recipe() })).toEqual({ slug: "refund-share" });
    expect((await db.recipe.findFirstOrThrow({ where: { slug: "refund-share" } })).definition).toEqual(definition);
    await saveRecipe({
      actor: lead,
      ...sales,
      recipeSlug: "refund-share",
      input: recipe({ slug: "refund-ratio", name: "Refund ratio" }),
    });
    expect(await slugs()).toEqual(["refund-ratio", "return-rate", "revenue-per-session"]);
    await expect(
      saveRecipe({ actor: lead, ...sales, recipeSlug: "refund-ratio", input: recipe({ slug: "return-rate" }) }),
    ).rejects.toMatchObject({ code: "SLUG_TAKEN", details: [{ path: "slug" }] });
    await deleteRecipe({ actor: lead, ...sales, recipeSlug: "refund-ratio" });
    expect(await slugs()).toEqual(["return-rate", "revenue-per-session"]);
    await expect(deleteRecipe({ actor: lead, ...sales, recipeSlug: "refund-ratio" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("checks the definition and that its models exist in the project", async () => {
    const lead = await actorFor("lead@acme.test");
    const attempt = (definitionText: string, overrides: Record<string, unknown> = {}) =>
      saveRecipe({ actor: lead, ...sales, input: recipe({ definition: definitionText, ...overrides }) });
    const reason = async (text: string) =>
      ((await attempt(text).catch((e: unknown) => e)) as { details: { path: string; reason: string }[] }).details[0];
    expect(await reason("{ nope")).toMatchObject({
      path: "definition",
      reason: expect.stringContaining("Not valid JSON"),
    });
    expect(await reason('{ "models": [], "steps": [] }')).toMatchObject({
      reason: "models lists at least one model slug.",
    });
    expect(
      await reason('{ "models": ["orders"], "steps": [{ "measure": "customers.customer_count" }] }'),
    ).toMatchObject({ reason: 'steps[0].measure uses model "customers", which is not listed in models.' });
    expect(await reason('{ "models": ["orders"], "steps": [{ "measure": "revenue" }] }')).toMatchObject({
      reason: expect.stringContaining('"<model>.<measure>"'),
    });
    expect(await reason('{ "models": ["orders", "orders"], "steps": [{}] }')).toMatchObject({
      reason: 'models lists "orders" twice.',
    });
    expect(await reason('{ "models": ["orders", "campaigns"], "steps": [{ "measure": "campaigns.spend" }] }')).toEqual({
      path: "definition",
      reason: 'Model "campaigns" does not exist in this project.',
    });
    await expect(attempt(JSON.stringify(definition), { slug: "Bad Slug" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: [{ path: "slug" }],
    });
  });

  it("refuses viewers and other tenants", async () => {
    const analyst = await actorFor("analyst@acme.test");
    await expect(saveRecipe({ actor: analyst, ...sales, input: recipe() })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(deleteRecipe({ actor: analyst, ...sales, recipeSlug: "return-rate" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      deleteRecipe({ actor: await actorFor("admin@globex.test"), ...sales, recipeSlug: "return-rate" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await slugs()).toEqual(["return-rate", "revenue-per-session"]);
  });
});
