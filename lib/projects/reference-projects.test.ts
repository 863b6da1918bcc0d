import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseBundleText } from "@/lib/bundle/parse-bundle";
import type { Bundle } from "@/lib/bundle/schema";
import { OPTIONAL_SECTIONS } from "@/lib/bundle/sections";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { prepareExport, readAll } from "@/lib/export/export-project";
import { projectHistory } from "@/lib/history/history";
import { listSnapshots, restoreSnapshot } from "@/lib/history/restore-snapshot";
import { importModel } from "@/lib/import/import-model";
import type { ImportOptions } from "@/lib/import/import-options";
import { importProject } from "@/lib/import/import-project";
import { saveLlmConfig } from "@/lib/llm-configs/save-llm-config";
import { deployModelVersion } from "@/lib/models/deploy-model-version";
import { refreshModel } from "@/lib/models/refresh-model";
import { tenantCipher } from "@/lib/secrets/tenant-secrets";
import { saveSetting } from "@/lib/settings/save-setting";
import { actorFor } from "@/test/actors";
import { dbFingerprint } from "@/test/db-fingerprint";
import { ferry } from "@/test/run-cli";
import { detachProject } from "./detach-project";
import { getProjectDetail } from "./get-project-detail";
import { updateProject } from "./update-project";

// Reference projects (SPEC §13) against real PostgreSQL: made by an import, read-only on every
// configuration path but open to operations, updated only from the same source, detached by a
// tenant admin. The authorization matrix proves each server action and route is closed too.

async function exportBundle(projectSlug: string): Promise<Bundle> {
  const prepared = await prepareExport({
    actor: await actorFor("root@ferry.test"),
    tenantSlug: "acme",
    projectSlug,
    options: { sections: OPTIONAL_SECTIONS },
  });
  return parseBundleText(await readAll(prepared.open())) as Bundle;
}

/** Every exported connection mapped onto the same-named tenant connection. */
const mapAll = (bundle: Bundle) =>
  Object.fromEntries((bundle.connections ?? []).map((c) => [c.name, { action: "map" as const, target: c.name }]));

async function expectCode(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

let sales: Bundle;
const SLUG = "sales-reference";
const ref = { tenantSlug: "acme", projectSlug: SLUG };

beforeAll(async () => {
  sales = await exportBundle("sales-analytics");
});

async function importInto(bundle: Bundle, options: Partial<ImportOptions>) {
  return importProject({
    actor: await actorFor("admin@acme.test"),
    bundle,
    options: { mode: "replace", tenant: "acme", projectSlug: SLUG, connectionMapping: mapAll(bundle), ...options },
  });
}

describe("reference projects", () => {
  it("imports a project as a reference that records its source", async () => {
    const plan = await importInto(sales, { mode: "create", reference: true, dryRun: true });
    expect(plan.reference).toMatchObject({ action: "create", source: { tenant: "acme", project: "sales-analytics" } });
    expect(plan.plan.project.note).toMatch(/^imported as a reference of sales-analytics \(acme on /);

    const result = await importInto(sales, { mode: "create", reference: true, planToken: plan.planToken });
    expect(result.reference?.action).toBe("create");
    const detail = await getProjectDetail({ actor: await actorFor("lead@acme.test"), ...ref });
    expect(detail.project.reference).toEqual({
      instance: sales.meta.source.instance,
      tenant: "acme",
      project: "sales-analytics",
      exportedAt: sales.meta.exportedAt,
      exportedBy: sales.meta.exportedBy,
    });
    // Merge cannot make a reference: the project would keep items its source lacks.
    await expectCode(
      importInto(sales, { mode: "merge", projectSlug: "marketing-dev", reference: true }),
      "INVALID_OPTIONS",
    );
  });

  it("refuses configuration changes with PROJECT_MANAGED and changes nothing", async () => {
    const admin = await actorFor("admin@acme.test");
    const before = await dbFingerprint();
    await expectCode(
      updateProject({ actor: admin, ...ref, input: { displayName: "Renamed", active: true } }),
      "PROJECT_MANAGED",
    );
    await expectCode(
      saveSetting({ actor: admin, ...ref, settingKey: "currency", input: { key: "currency", value: '"EUR"' } }),
      "PROJECT_MANAGED",
    );
    const llm = {
      name: "primary",
      provider: "openai",
      model: "gpt-4.1-mini",
      endpoint: "",
      params: "{}",
      apiKey: "sk-new",
      clearApiKey: false,
    };
    await expectCode(saveLlmConfig({ actor: admin, ...ref, configName: "primary", input: llm }), "PROJECT_MANAGED");
    await expectCode(saveLlmConfig({ actor: admin, ...ref, input: { ...llm, name: "other" } }), "PROJECT_MANAGED");
    const model = await exportModelBundle();
    await expectCode(
      importModel({
        actor: admin,
        bundle: model,
        options: { mode: "replace", tenant: "acme", projectSlug: SLUG, connectionMapping: mapAll(model) },
      }),
      "PROJECT_MANAGED",
    );
    // The CLI: an import of a model bundle into the reference project.
    const dir = mkdtempSync(path.join(tmpdir(), "ferry-reference-"));
    const file = path.join(dir, "orders.json");
    writeFileSync(file, JSON.stringify(model));
    const cli = await ferry([
      "import",
      file,
      "--tenant",
      "acme",
      "--project",
      SLUG,
      "--mode",
      "replace",
      ...Object.keys(mapAll(model)).flatMap((name) => ["--map", `${name}=${name}`]),
    ]);
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toContain("PROJECT_MANAGED");
    expect(await dbFingerprint()).toEqual(before);
  });

  it("allows deploy, refresh and entering an API key", async () => {
    const lead = await actorFor("lead@acme.test");
    await deployModelVersion({ actor: lead, ...ref, modelSlug: "orders", number: 1 });
    const counts = await refreshModel({ actor: lead, ...ref });
    expect(counts).toBeTruthy();
    const primary = await db.llmConfig.findFirstOrThrow({ where: { project: { slug: SLUG }, name: "primary" } });
    expect(primary.status).toBe("PENDING_CREDENTIALS");
    await saveLlmConfig({
      actor: lead,
      ...ref,
      configName: "primary",
      input: {
        name: primary.name,
        provider: primary.provider.toLowerCase().replace("_", "-"),
        model: primary.model,
        endpoint: primary.endpoint ?? "",
        params: JSON.stringify(primary.params),
        apiKey: "sk-entered-here",
        clearApiKey: false,
      },
    });
    const after = await db.llmConfig.findFirstOrThrow({ where: { id: primary.id } });
    expect(after.status).toBe("ACTIVE");
    const cipher = await tenantCipher({ tenantId: await tenantIdOf("acme") });
    expect(cipher.decrypt(after.apiKeyEncrypted!)).toEqual({ apiKey: "sk-entered-here" });
    expect(after.model).toBe(primary.model);
  });

  it("takes a reference update from the same source (replace or merge), in the plan as such", async () => {
    const next: Bundle = {
      ...sales,
      meta: { ...sales.meta, exportedAt: "2026-12-24T08:00:00.000Z" },
      settings: (sales.settings ?? []).map((s) => (s.key === "currency" ? { ...s, value: "EUR" } : s)),
    };
    const plan = await importInto(next, { dryRun: true });
    expect(plan.reference?.action).toBe("update");
    expect(plan.plan.project.note).toMatch(/^Reference update from sales-analytics \(acme on /);
    const result = await importInto(next, { planToken: plan.planToken });
    expect(result.reference?.action).toBe("update");
    const project = await db.project.findFirstOrThrow({ where: { slug: SLUG } });
    expect(project.reference).toBe(true);
    expect(project.referenceSource).toMatchObject({ exportedAt: "2026-12-24T08:00:00.000Z" });
    const currency = await db.projectSetting.findFirstOrThrow({ where: { projectId: project.id, key: "currency" } });
    expect(currency.value).toBe("EUR");

    expect((await importInto(sales, { mode: "merge" })).reference?.action).toBe("update");
    await expectCode(importInto(sales, { mode: "skip-existing" }), "PROJECT_MANAGED");

    const history = await projectHistory({ actor: await actorFor("admin@acme.test"), ...ref, page: {} });
    expect(history.entries.filter((e) => e.action === "project.import").map((e) => e.details.reference)).toContainEqual(
      expect.objectContaining({ action: "update" }),
    );
  });

  it("refuses a bundle from another source until a tenant admin detaches the project", async () => {
    const other = await exportBundle("marketing-dev");
    const before = await dbFingerprint();
    const refused = await expectCode(importInto(other, {}), "PROJECT_MANAGED");
    expect(refused.message).toContain("detach");
    await expectCode(
      importInto({ ...sales, meta: { ...sales.meta, source: { ...sales.meta.source, tenant: "globex" } } }, {}),
      "PROJECT_MANAGED",
    );
    expect(await dbFingerprint()).toEqual(before);

    // A project admin who is not a tenant admin cannot detach.
    await expectCode(detachProject({ actor: await actorFor("lead@acme.test"), ...ref }), "FORBIDDEN");
    const detached = await detachProject({ actor: await actorFor("admin@acme.test"), ...ref });
    expect(detached).toMatchObject({ project: SLUG, detached: true, source: { project: "sales-analytics" } });
    await expectCode(detachProject({ actor: await actorFor("admin@acme.test"), ...ref }), "CONFLICT");
    const history = await projectHistory({ actor: await actorFor("admin@acme.test"), ...ref, page: {} });
    expect(history.entries[0]).toMatchObject({ action: "project.detach", actor: "admin@acme.test" });

    // An ordinary project again: editable, and any bundle can replace it.
    await updateProject({
      actor: await actorFor("admin@acme.test"),
      ...ref,
      input: { displayName: "Sales (own)", active: true },
    });
    const result = await importInto(other, {});
    expect(result.reference).toBeNull();
    expect((await db.project.findFirstOrThrow({ where: { slug: SLUG } })).reference).toBe(false);
  });

  it("restores a reference project's snapshot and stays a reference", async () => {
    const admin = await actorFor("admin@acme.test");
    const slug = "sales-reference-2";
    await importProject({
      actor: admin,
      bundle: sales,
      options: { mode: "create", tenant: "acme", projectSlug: slug, connectionMapping: mapAll(sales), reference: true },
    });
    await importProject({
      actor: admin,
      bundle: sales,
      options: { mode: "replace", tenant: "acme", projectSlug: slug, connectionMapping: mapAll(sales) },
    });
    const [snapshot] = await listSnapshots({ actor: admin, tenantSlug: "acme", projectSlug: slug });
    const restored = await restoreSnapshot({
      actor: admin,
      tenantSlug: "acme",
      projectSlug: slug,
      snapshotId: snapshot!.id,
      options: {},
    });
    expect(restored.reference).toBeNull();
    expect((await db.project.findFirstOrThrow({ where: { slug } })).reference).toBe(true);
  });
});

async function exportModelBundle(): Promise<Bundle> {
  const prepared = await prepareExport({
    actor: await actorFor("root@ferry.test"),
    tenantSlug: "acme",
    projectSlug: "sales-analytics",
    modelSlug: "orders",
    options: {},
  });
  return parseBundleText(await readAll(prepared.open())) as Bundle;
}

async function tenantIdOf(slug: string): Promise<string> {
  return (await db.tenant.findUniqueOrThrow({ where: { slug } })).id;
}
