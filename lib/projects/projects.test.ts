import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deployModelVersion } from "@/lib/models/deploy-model-version";
import { refreshModel } from "@/lib/models/refresh-model";
import { saveModelVersion } from "@/lib/models/save-model-version";
import { actorFor } from "@/test/actors";
import { createProject } from "./create-project";
import { listProjects } from "./list-projects";
import { requireProject } from "./require-project";

describe("project access", () => {
  it("lists what each demo role may see", async () => {
    const slugs = async (email: string) =>
      (await listProjects({ actor: await actorFor(email) })).map((p) => `${p.tenantSlug}/${p.slug}:${p.role}`);
    expect(await slugs("root@ferry.test")).toEqual([
      "acme/marketing-dev:ADMIN",
      "acme/sales-analytics:ADMIN",
      "globex/finance:ADMIN",
    ]);
    expect(await slugs("admin@acme.test")).toEqual(["acme/marketing-dev:ADMIN", "acme/sales-analytics:ADMIN"]);
    expect(await slugs("lead@acme.test")).toEqual(["acme/sales-analytics:ADMIN"]);
    expect(await slugs("analyst@acme.test")).toEqual(["acme/sales-analytics:VIEWER"]);
    expect(await slugs("admin@globex.test")).toEqual(["globex/finance:ADMIN"]);
  });

  it("hides other tenants' projects (404) and refuses too little role (403)", async () => {
    const globexAdmin = await actorFor("admin@globex.test");
    await expect(
      requireProject({ actor: globexAdmin, tenantSlug: "acme", projectSlug: "sales-analytics", minRole: "VIEWER" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const analyst = await actorFor("analyst@acme.test");
    await expect(
      requireProject({ actor: analyst, tenantSlug: "acme", projectSlug: "sales-analytics", minRole: "ADMIN" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
    await expect(
      requireProject({ actor: analyst, tenantSlug: "acme", projectSlug: "marketing-dev", minRole: "VIEWER" }),
    ).rejects.toMatchObject({ code: "PROJECT_NOT_FOUND", status: 404 });
    // The analyst's model-scoped EDITOR binding applies to web-sessions only.
    const scoped = await requireProject({
      actor: analyst,
      tenantSlug: "acme",
      projectSlug: "sales-analytics",
      modelSlug: "web-sessions",
      minRole: "EDITOR",
    });
    expect(scoped.role).toBe("EDITOR");
  });

  it("lets tenant admins create projects and reports a taken slug", async () => {
    const admin = await actorFor("admin@acme.test");
    const created = await createProject({
      actor: admin,
      tenantSlug: "acme",
      input: { slug: "new-thing", displayName: "New <b>thing</b>" },
    });
    expect(created).toEqual({ slug: "new-thing", displayName: "New <b>thing</b>" });
    await expect(
      createProject({ actor: admin, tenantSlug: "acme", input: { slug: "new-thing", displayName: "Again" } }),
    ).rejects.toMatchObject({ code: "SLUG_TAKEN" });
    await expect(
      createProject({ actor: admin, tenantSlug: "acme", input: { slug: "Bad Slug", displayName: "x" } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      createProject({
        actor: await actorFor("lead@acme.test"),
        tenantSlug: "acme",
        input: { slug: "x", displayName: "x" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("model lifecycle", () => {
  const ref = { tenantSlug: "acme", projectSlug: "sales-analytics", modelSlug: "orders" };

  it("saves a draft as the next version, deploys it and refreshes aggregates", async () => {
    const lead = await actorFor("lead@acme.test");
    const draft = {
      sourceTable: "sales.orders_v2",
      dimensions: [{ name: "status", type: "string", sql: "status" }],
      measures: [{ name: "revenue", type: "sum", sql: "amount" }],
      joins: [],
    };
    const saved = await saveModelVersion({ actor: lead, ...ref, input: { draft, message: "Move to orders_v2" } });
    expect(saved.number).toBe(5);
    await deployModelVersion({ actor: lead, ...ref, number: 5 });
    const refreshed = await refreshModel({ actor: lead, ...ref });
    expect(refreshed).toEqual({ aggregates: 2, pockets: 1 });
    const model = await db.model.findFirstOrThrow({
      where: { slug: "orders", project: { slug: "sales-analytics" } },
      include: { aggregates: true, pocketTables: true },
    });
    expect(model.deployedVersion).toBe(5);
    expect(model.draft).toMatchObject({ sourceTable: "sales.orders_v2" });
    expect(model.aggregates.every((a) => a.status === "READY" && a.builtAt)).toBe(true);
    expect(model.pocketTables.every((p) => p.status === "FRESH")).toBe(true);
  });

  it("rejects invalid drafts and viewers", async () => {
    const lead = await actorFor("lead@acme.test");
    await expect(
      saveModelVersion({ actor: lead, ...ref, input: { draft: { dimensions: [] }, message: "x" } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const analyst = await actorFor("analyst@acme.test");
    await expect(deployModelVersion({ actor: analyst, ...ref, number: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(refreshModel({ actor: analyst, ...ref })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
