import { describe, expect, it } from "vitest";
import { parseBundleText } from "@/lib/bundle/parse-bundle";
import type { Bundle } from "@/lib/bundle/schema";
import { OPTIONAL_SECTIONS } from "@/lib/bundle/sections";
import { db } from "@/lib/db";
import { DEMO_SECRETS } from "@/lib/demo/seed-demo-data";
import { prepareExport, readAll } from "@/lib/export/export-project";
import { projectHistory } from "@/lib/history/history";
import { tenantCipher } from "@/lib/secrets/tenant-secrets";
import { actorFor } from "@/test/actors";
import { dbFingerprint } from "@/test/db-fingerprint";
import { duplicateProject } from "./duplicate-project";

// Duplicate (SPEC §13) against real PostgreSQL: everything copied, secrets included, without a
// passphrase; same tenant on the same connections, another tenant re-encrypted under its key.

async function exportAll(tenantSlug: string, projectSlug: string): Promise<Bundle> {
  const prepared = await prepareExport({
    actor: await actorFor("root@ferry.test"),
    tenantSlug,
    projectSlug,
    options: { stable: true, sections: OPTIONAL_SECTIONS },
  });
  return parseBundleText(await readAll(prepared.open())) as Bundle;
}

/** What a copy must equal: all but the envelope, the project's name and the deployed versions. */
const content = (b: Bundle) => ({
  ...b,
  meta: null,
  project: null,
  models: b.models.map((m) => ({ ...m, deployedVersion: null })),
});

describe("duplicate project", () => {
  it("copies a project in its tenant with every secret, on the same connections, as an import", async () => {
    const admin = await actorFor("admin@acme.test");
    const connectionsBefore = await db.connection.count();
    const plan = await duplicateProject({
      actor: admin,
      tenantSlug: "acme",
      projectSlug: "sales-analytics",
      options: { slug: "sales-copy", dryRun: true },
    });
    expect(plan.dryRun).toBe(true);
    expect(await db.project.count({ where: { slug: "sales-copy" } })).toBe(0);

    const result = await duplicateProject({
      actor: admin,
      tenantSlug: "acme",
      projectSlug: "sales-analytics",
      options: { slug: "sales-copy", planToken: plan.planToken },
    });
    expect(result.project).toMatchObject({ slug: "sales-copy", displayName: "Sales Analytics (copy)" });
    expect(result.requiredActions.filter((a) => a.kind === "enter-credentials")).toEqual([]);
    expect(await db.connection.count()).toBe(connectionsBefore);
    expect(content(await exportAll("acme", "sales-copy"))).toEqual(content(await exportAll("acme", "sales-analytics")));

    const cipher = await tenantCipher({
      tenantId: (await db.tenant.findUniqueOrThrow({ where: { slug: "acme" } })).id,
    });
    const primary = await db.llmConfig.findFirstOrThrow({
      where: { project: { slug: "sales-copy" }, name: "primary" },
    });
    expect(primary.status).toBe("ACTIVE");
    expect(cipher.decrypt(primary.apiKeyEncrypted!)).toEqual({ apiKey: DEMO_SECRETS.openai });

    const history = await projectHistory({ actor: admin, tenantSlug: "acme", projectSlug: "sales-copy", page: {} });
    expect(history.entries.find((e) => e.action === "project.import")).toMatchObject({
      action: "project.import",
      mode: "create",
      source: { tenant: "acme", project: "sales-analytics" },
    });
  });

  it("copies into another tenant for a system admin, secrets re-encrypted under that tenant's key", async () => {
    const result = await duplicateProject({
      actor: await actorFor("root@ferry.test"),
      tenantSlug: "acme",
      projectSlug: "sales-analytics",
      options: { slug: "sales-from-acme", tenant: "globex", displayName: "Sales (acme)" },
    });
    expect(result.project).toMatchObject({ tenant: "globex", slug: "sales-from-acme" });
    const globex = await db.tenant.findUniqueOrThrow({ where: { slug: "globex" } });
    const warehouse = await db.connection.findFirstOrThrow({ where: { tenantId: globex.id, name: "warehouse-pg" } });
    const acmeCipher = await tenantCipher({
      tenantId: (await db.tenant.findUniqueOrThrow({ where: { slug: "acme" } })).id,
    });
    expect(warehouse.status).toBe("ACTIVE");
    expect((await tenantCipher({ tenantId: globex.id })).decrypt(warehouse.secretEncrypted!)).toEqual({
      password: DEMO_SECRETS.warehousePg,
    });
    // Sealed under globex's key only: acme's key cannot open the copy's secrets.
    expect(() => acmeCipher.decrypt(warehouse.secretEncrypted!)).toThrow();
    // acme's users are not members of globex: their access bindings stay behind (and are reported).
    const copy = content(await exportAll("globex", "sales-from-acme"));
    expect({ ...copy, accessBindings: null }).toEqual({
      ...content(await exportAll("acme", "sales-analytics")),
      accessBindings: null,
    });
    expect(result.warnings.some((w) => w.code === "ACCESS_BINDING_SKIPPED")).toBe(true);
  });

  it("refuses non-admins, other tenants it cannot see and taken slugs, writing nothing", async () => {
    const fingerprint = await dbFingerprint();
    const attempt = async (email: string, options: Record<string, unknown>) =>
      duplicateProject({ actor: await actorFor(email), tenantSlug: "acme", projectSlug: "sales-analytics", options });
    await expect(attempt("lead@acme.test", { slug: "nope" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(attempt("analyst@acme.test", { slug: "nope" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(attempt("admin@acme.test", { slug: "nope", tenant: "globex" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(attempt("admin@acme.test", { slug: "marketing-dev" })).rejects.toMatchObject({ code: "SLUG_TAKEN" });
    await expect(attempt("admin@acme.test", { slug: "Bad Slug" })).rejects.toMatchObject({ code: "INVALID_SLUG" });
    await expect(attempt("admin@acme.test", {})).rejects.toMatchObject({ code: "INVALID_OPTIONS" });
    expect(await dbFingerprint()).toEqual(fingerprint);
  });
});
