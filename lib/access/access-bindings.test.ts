import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireProject } from "@/lib/projects/require-project";
import { actorFor } from "@/test/actors";
import { changeAccessRole } from "./change-access-role";
import { grantAccess } from "./grant-access";
import { listAccessBindings } from "./list-access-bindings";
import { revokeAccess } from "./revoke-access";

const sales = { tenantSlug: "acme", projectSlug: "sales-analytics" };
const bindings = async () =>
  (
    await listAccessBindings({
      projectId: (await db.project.findFirstOrThrow({ where: { slug: "sales-analytics" } })).id,
    })
  ).map((b) => `${b.email}:${b.model?.slug ?? "*"}:${b.role}`);

describe("access bindings", () => {
  it("lists users, scopes and roles", async () => {
    expect(await bindings()).toEqual([
      "analyst@acme.test:*:VIEWER",
      "analyst@acme.test:web-sessions:EDITOR",
      "lead@acme.test:*:ADMIN",
    ]);
  });

  it("grants tenant members a project or model role, once per scope", async () => {
    const lead = await actorFor("lead@acme.test");
    await grantAccess({
      actor: lead,
      ...sales,
      input: { email: "Admin@Acme.test", role: "EDITOR", modelSlug: "orders" },
    });
    await grantAccess({ actor: lead, ...sales, input: { email: "admin@acme.test", role: "VIEWER", modelSlug: "" } });
    expect(await bindings()).toContain("admin@acme.test:orders:EDITOR");
    expect(await bindings()).toContain("admin@acme.test:*:VIEWER");
    await expect(
      grantAccess({ actor: lead, ...sales, input: { email: "admin@acme.test", role: "ADMIN", modelSlug: "orders" } }),
    ).rejects.toMatchObject({ code: "CONFLICT", details: [{ path: "email" }] });
    await expect(
      grantAccess({ actor: lead, ...sales, input: { email: "analyst@acme.test", role: "ADMIN", modelSlug: "" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("answers unknown users and non-members alike, and checks the model", async () => {
    const lead = await actorFor("lead@acme.test");
    const notMember = (email: string) => ({
      code: "INVALID_INPUT",
      details: [
        {
          path: "email",
          reason: `No member of Acme Corp has the email ${email}. A tenant admin must add them to the tenant first.`,
        },
      ],
    });
    await expect(
      grantAccess({ actor: lead, ...sales, input: { email: "nobody@acme.test", role: "VIEWER", modelSlug: "" } }),
    ).rejects.toMatchObject(notMember("nobody@acme.test"));
    await expect(
      grantAccess({ actor: lead, ...sales, input: { email: "admin@globex.test", role: "VIEWER", modelSlug: "" } }),
    ).rejects.toMatchObject(notMember("admin@globex.test"));
    await expect(
      grantAccess({
        actor: lead,
        ...sales,
        input: { email: "admin@acme.test", role: "VIEWER", modelSlug: "campaigns" },
      }),
    ).rejects.toMatchObject({ details: [{ path: "modelSlug" }] });
    await expect(
      grantAccess({ actor: lead, ...sales, input: { email: "not-an-email", role: "OWNER", modelSlug: "" } }),
    ).rejects.toMatchObject({ details: [{ path: "email" }, { path: "role" }] });
  });

  it("changes and revokes roles, which takes effect at once", async () => {
    const lead = await actorFor("lead@acme.test");
    const analyst = await actorFor("analyst@acme.test");
    await changeAccessRole({
      actor: lead,
      ...sales,
      input: { email: "analyst@acme.test", modelSlug: null, role: "EDITOR" },
    });
    expect((await requireProject({ actor: analyst, ...sales, minRole: "EDITOR" })).role).toBe("EDITOR");
    await revokeAccess({ actor: lead, ...sales, input: { email: "analyst@acme.test", modelSlug: "web-sessions" } });
    await revokeAccess({ actor: lead, ...sales, input: { email: "analyst@acme.test", modelSlug: null } });
    await expect(requireProject({ actor: analyst, ...sales, minRole: "VIEWER" })).rejects.toMatchObject({
      code: "PROJECT_NOT_FOUND",
    });
    await expect(
      revokeAccess({ actor: lead, ...sales, input: { email: "analyst@acme.test", modelSlug: null } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Restore for the tests below.
    await grantAccess({ actor: lead, ...sales, input: { email: "analyst@acme.test", role: "VIEWER", modelSlug: "" } });
  });

  it("keeps a project admin from locking themselves out; a tenant admin may change them", async () => {
    const lead = await actorFor("lead@acme.test");
    const self = { email: "lead@acme.test", modelSlug: null };
    await expect(changeAccessRole({ actor: lead, ...sales, input: { ...self, role: "VIEWER" } })).rejects.toMatchObject(
      { code: "CONFLICT" },
    );
    await expect(revokeAccess({ actor: lead, ...sales, input: self })).rejects.toMatchObject({ code: "CONFLICT" });
    await changeAccessRole({ actor: await actorFor("admin@acme.test"), ...sales, input: { ...self, role: "EDITOR" } });
    expect(await bindings()).toContain("lead@acme.test:*:EDITOR");
  });

  it("refuses viewers and other tenants", async () => {
    const analyst = await actorFor("analyst@acme.test");
    await expect(
      grantAccess({ actor: analyst, ...sales, input: { email: "admin@acme.test", role: "ADMIN", modelSlug: "" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      changeAccessRole({
        actor: analyst,
        ...sales,
        input: { email: "analyst@acme.test", modelSlug: null, role: "ADMIN" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      revokeAccess({
        actor: await actorFor("admin@globex.test"),
        ...sales,
        input: { email: "analyst@acme.test", modelSlug: null },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
