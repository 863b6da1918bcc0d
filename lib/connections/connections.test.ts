import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { tenantCipher } from "@/lib/secrets/tenant-secrets";
import { connectionFormDefaults } from "@/lib/validations/connection";
import { actorFor } from "@/test/actors";
import { expectNoSecrets } from "@/test/no-secrets";
import { deleteConnection } from "./delete-connection";
import { listTenantConnections } from "./list-tenant-connections";
import { saveConnection } from "./save-connection";

const acmeId = async () => (await db.tenant.findUniqueOrThrow({ where: { slug: "acme" } })).id;
const stored = (name: string) => db.connection.findFirstOrThrow({ where: { name, tenant: { slug: "acme" } } });
const postgres = (overrides: Record<string, unknown> = {}) => ({
  name: "reporting-pg",
  type: "postgres",
  config: { host: "reporting.acme.internal", port: "5433", database: "reports", user: "ferry" },
  options: '{ "sslmode": "require" }',
  secret: "pg-new-Secr3t",
  clearSecret: false,
  ...overrides,
});

describe("tenant connections", () => {
  it("lists every connection with its status, secret flag and users, without secrets", async () => {
    const admin = await actorFor("admin@acme.test");
    const list = await listTenantConnections({ actor: admin, tenantId: await acmeId() });
    expect(list.map((c) => `${c.name}:${c.type}:${c.status}:${c.hasSecret}`)).toEqual([
      "bq-events:bigquery:ACTIVE:true",
      "mysql-legacy:mysql:PENDING_CREDENTIALS:false",
      "snowflake-prod:snowflake:ACTIVE:true",
      "warehouse-pg:postgres:ACTIVE:true",
    ]);
    const warehouse = list.find((c) => c.name === "warehouse-pg")!;
    expect(warehouse.usedBy).toEqual([
      { projectSlug: "marketing-dev", projectName: "Marketing (dev)", linked: true, models: ["campaigns"] },
      {
        projectSlug: "sales-analytics",
        projectName: "Sales Analytics",
        linked: true,
        models: ["customers", "orders", "returns"],
      },
    ]);
    expect(warehouse.config).toMatchObject({ host: "warehouse.acme.internal", port: 5432 });
    expect(list.find((c) => c.name === "mysql-legacy")!.usedBy).toEqual([]);
    expectNoSecrets(list);
  });

  it("names only the projects a member can see", async () => {
    const analyst = await actorFor("analyst@acme.test");
    const warehouse = (await listTenantConnections({ actor: analyst, tenantId: await acmeId() })).find(
      (c) => c.name === "warehouse-pg",
    )!;
    expect(warehouse.usedBy.map((u) => u.projectSlug)).toEqual(["sales-analytics"]);
    expect(warehouse.otherProjects).toBe(1);
  });

  it("creates a connection with an encrypted secret, or pending credentials without one", async () => {
    const admin = await actorFor("admin@acme.test");
    const created = await saveConnection({ actor: admin, tenantSlug: "acme", input: postgres() });
    expect(created).toEqual({ name: "reporting-pg", type: "postgres", status: "ACTIVE", hasSecret: true });
    expectNoSecrets(created, ["pg-new-Secr3t"]);
    const row = await stored("reporting-pg");
    expect(row.config).toEqual({
      host: "reporting.acme.internal",
      port: 5433,
      database: "reports",
      user: "ferry",
      sslmode: "require",
    });
    expect(row.secretEncrypted).not.toContain("pg-new-Secr3t");
    const cipher = await tenantCipher({ tenantId: row.tenantId });
    expect(cipher.decrypt(row.secretEncrypted!)).toEqual({ password: "pg-new-Secr3t" });

    const bigquery = {
      name: "bq-new",
      type: "bigquery",
      config: { projectId: "acme-analytics" },
      options: "",
      secret: '{ "type": "service_account", "private_key": "k" }',
      clearSecret: false,
    };
    expect(await saveConnection({ actor: admin, tenantSlug: "acme", input: bigquery })).toMatchObject({
      status: "ACTIVE",
    });
    expect(cipher.decrypt((await stored("bq-new")).secretEncrypted!)).toEqual({
      serviceAccountKey: { type: "service_account", private_key: "k" },
    });

    const pending = await saveConnection({
      actor: admin,
      tenantSlug: "acme",
      input: postgres({ name: "pending-pg", secret: "" }),
    });
    expect(pending).toMatchObject({ status: "PENDING_CREDENTIALS", hasSecret: false });
    expect((await stored("pending-pg")).secretEncrypted).toBeNull();
  });

  it("validates the config of each type and reports every field", async () => {
    const admin = await actorFor("admin@acme.test");
    const attempt = (input: Record<string, unknown>) =>
      saveConnection({ actor: admin, tenantSlug: "acme", input: postgres(input) });
    await expect(
      attempt({ config: { host: "https://db.example.com", port: "99999", database: "" } }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: [
        { path: "config.host", reason: expect.stringContaining("without https://") },
        { path: "config.port", reason: "The port is between 1 and 65535." },
        { path: "config.database", reason: "Database is required." },
      ],
    });
    await expect(attempt({ config: { host: "db", port: "54x", database: "d" } })).rejects.toMatchObject({
      details: [{ path: "config.port", reason: "The port is a whole number." }],
    });
    await expect(attempt({ type: "snowflake", config: { account: "acme" } })).rejects.toMatchObject({
      details: [{ path: "config.warehouse" }, { path: "config.database" }],
    });
    await expect(
      attempt({ type: "databricks", config: { host: "adb-1.azuredatabricks.net", httpPath: "sql/1.0" } }),
    ).rejects.toMatchObject({ details: [{ path: "config.httpPath" }] });
    await expect(
      attempt({ type: "bigquery", config: { projectId: "acme-events" }, secret: "not json" }),
    ).rejects.toMatchObject({ details: [{ path: "secret" }] });
    await expect(attempt({ options: '{ "host": "x" }' })).rejects.toMatchObject({
      details: [{ path: "options", reason: 'Set "host" in its own field above.' }],
    });
    await expect(attempt({ options: '{ "__proto__": { "x": 1 } }' })).rejects.toMatchObject({
      details: [{ path: "options" }],
    });
    await expect(attempt({ type: "oracle" })).rejects.toMatchObject({
      details: [{ path: "type", reason: "Choose a connection type." }],
    });
    await expect(attempt({ name: " padded" })).rejects.toMatchObject({ details: [{ path: "name" }] });
    await expect(attempt({ name: "warehouse-pg" })).rejects.toMatchObject({
      code: "NAME_TAKEN",
      details: [{ path: "name" }],
    });
  });

  it("is for tenant admins only; other tenants do not see it at all", async () => {
    for (const email of ["lead@acme.test", "analyst@acme.test"]) {
      await expect(
        saveConnection({ actor: await actorFor(email), tenantSlug: "acme", input: postgres() }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        deleteConnection({ actor: await actorFor(email), tenantSlug: "acme", connectionName: "mysql-legacy" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const globex = await actorFor("admin@globex.test");
    await expect(
      saveConnection({ actor: globex, tenantSlug: "acme", connectionName: "warehouse-pg", input: postgres() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      deleteConnection({ actor: globex, tenantSlug: "acme", connectionName: "mysql-legacy" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A globex admin naming an acme connection in their own tenant finds nothing either.
    await expect(
      deleteConnection({ actor: globex, tenantSlug: "globex", connectionName: "mysql-legacy" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.connection.count({ where: { name: "mysql-legacy" } })).toBe(1);
  });

  it("keeps, replaces or clears the secret on edit; the type is fixed", async () => {
    const admin = await actorFor("admin@acme.test");
    const current = await stored("warehouse-pg");
    const cipher = await tenantCipher({ tenantId: current.tenantId });
    const form = connectionFormDefaults({
      name: "warehouse-pg",
      type: "postgres",
      config: current.config as Record<string, unknown>,
    });
    expect(form.options).toContain("sslmode");

    const kept = await saveConnection({
      actor: admin,
      tenantSlug: "acme",
      connectionName: "warehouse-pg",
      input: { ...form, config: { ...form.config, database: "analytics_v2" } },
    });
    expect(kept).toEqual({ name: "warehouse-pg", type: "postgres", status: "ACTIVE", hasSecret: true });
    const afterKeep = await stored("warehouse-pg");
    expect(afterKeep.config).toMatchObject({ database: "analytics_v2", sslmode: "require", port: 5432 });
    expect(cipher.decrypt(afterKeep.secretEncrypted!)).toEqual({ password: "pg-Secr3t-acme-warehouse" });

    await saveConnection({
      actor: admin,
      tenantSlug: "acme",
      connectionName: "warehouse-pg",
      input: { ...form, secret: "rotated-Secr3t" },
    });
    expect(cipher.decrypt((await stored("warehouse-pg")).secretEncrypted!)).toEqual({ password: "rotated-Secr3t" });

    const cleared = await saveConnection({
      actor: admin,
      tenantSlug: "acme",
      connectionName: "warehouse-pg",
      input: { ...form, clearSecret: true },
    });
    expect(cleared).toMatchObject({ status: "PENDING_CREDENTIALS", hasSecret: false });
    expect((await stored("warehouse-pg")).secretEncrypted).toBeNull();

    await expect(
      saveConnection({
        actor: admin,
        tenantSlug: "acme",
        connectionName: "warehouse-pg",
        input: { ...form, type: "mysql" },
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", details: [{ path: "type" }] });
    await expect(
      saveConnection({
        actor: admin,
        tenantSlug: "acme",
        connectionName: "warehouse-pg",
        input: { ...form, name: "bq-events" },
      }),
    ).rejects.toMatchObject({ code: "NAME_TAKEN" });
    await expect(
      saveConnection({ actor: admin, tenantSlug: "acme", connectionName: "nope", input: form }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("deletes only connections nothing uses", async () => {
    const admin = await actorFor("admin@acme.test");
    await expect(
      deleteConnection({ actor: admin, tenantSlug: "acme", connectionName: "warehouse-pg" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/projects marketing-dev, sales-analytics.*sales-analytics\/orders/),
    });
    await deleteConnection({ actor: admin, tenantSlug: "acme", connectionName: "mysql-legacy" });
    expect(await db.connection.count({ where: { name: "mysql-legacy" } })).toBe(0);
    await expect(
      deleteConnection({ actor: admin, tenantSlug: "acme", connectionName: "mysql-legacy" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
