import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorFor } from "@/test/actors";
import { expectNoSecrets } from "@/test/no-secrets";
import { linkProjectConnection } from "./link-project-connection";
import { listProjectConnections } from "./list-project-connections";
import { unlinkProjectConnection } from "./unlink-project-connection";

const sales = { tenantSlug: "acme", projectSlug: "sales-analytics" };
const listSales = async () => {
  const project = await db.project.findFirstOrThrow({ where: { slug: "sales-analytics" } });
  return listProjectConnections({ tenantId: project.tenantId, projectId: project.id });
};

describe("project connections", () => {
  it("lists linked connections with the models using them, and what can be linked", async () => {
    const { connections, available } = await listSales();
    expect(connections.map((c) => `${c.name}:${c.linked}:${c.models.join(",")}`)).toEqual([
      "bq-events:true:web-sessions",
      "snowflake-prod:true:order-items,products",
      "warehouse-pg:true:customers,orders,returns",
    ]);
    expect(available).toEqual([
      { name: "mysql-legacy", type: "mysql", status: "PENDING_CREDENTIALS", hasSecret: false },
    ]);
    expectNoSecrets(connections);
  });

  it("links and unlinks for project admins", async () => {
    const lead = await actorFor("lead@acme.test");
    await linkProjectConnection({ actor: lead, ...sales, connectionName: "mysql-legacy" });
    expect((await listSales()).connections.find((c) => c.name === "mysql-legacy")).toMatchObject({
      linked: true,
      models: [],
    });
    await expect(
      linkProjectConnection({ actor: lead, ...sales, connectionName: "mysql-legacy" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await unlinkProjectConnection({ actor: lead, ...sales, connectionName: "mysql-legacy" });
    expect((await listSales()).available.map((c) => c.name)).toEqual(["mysql-legacy"]);
    await expect(
      unlinkProjectConnection({ actor: lead, ...sales, connectionName: "mysql-legacy" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The tenant connection itself stays.
    expect(await db.connection.count({ where: { name: "mysql-legacy" } })).toBe(1);
  });

  it("refuses to unlink a connection the project's models use", async () => {
    const lead = await actorFor("lead@acme.test");
    await expect(
      unlinkProjectConnection({ actor: lead, ...sales, connectionName: "warehouse-pg" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        'Connection "warehouse-pg" is used by models customers, orders, returns of this project. Move them to another connection first.',
    });
  });

  it("refuses viewers, strangers and other tenants' connections", async () => {
    await expect(
      linkProjectConnection({ actor: await actorFor("analyst@acme.test"), ...sales, connectionName: "mysql-legacy" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      unlinkProjectConnection({ actor: await actorFor("analyst@acme.test"), ...sales, connectionName: "bq-events" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      linkProjectConnection({ actor: await actorFor("admin@globex.test"), ...sales, connectionName: "mysql-legacy" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      linkProjectConnection({ actor: await actorFor("lead@acme.test"), ...sales, connectionName: "globex-pg" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
