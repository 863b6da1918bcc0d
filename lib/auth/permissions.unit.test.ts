import { describe, expect, it } from "vitest";
import { atLeast, projectRole, tenantAccess } from "./permissions";

const member = { isSystemAdmin: false, memberships: [{ tenantId: "t1", role: "MEMBER" as const }] };
const admin = { isSystemAdmin: false, memberships: [{ tenantId: "t1", role: "TENANT_ADMIN" as const }] };
const root = { isSystemAdmin: true, memberships: [] };

describe("permissions", () => {
  it("resolves tenant access", () => {
    expect(tenantAccess(member, "t1")).toBe("MEMBER");
    expect(tenantAccess(member, "t2")).toBeNull();
    expect(tenantAccess(admin, "t1")).toBe("TENANT_ADMIN");
    expect(tenantAccess(root, "t2")).toBe("SYSTEM_ADMIN");
  });

  it("gives admins ADMIN on every project of their tenant and nothing elsewhere", () => {
    expect(projectRole(admin, "t1", [])).toBe("ADMIN");
    expect(projectRole(admin, "t2", [])).toBeNull();
    expect(projectRole(root, "t9", [])).toBe("ADMIN");
  });

  it("uses bindings for members; model-scoped bindings only count on their model", () => {
    expect(projectRole(member, "t1", [])).toBeNull();
    expect(projectRole(member, "t1", [{ modelId: null, role: "EDITOR" }])).toBe("EDITOR");
    const scoped = [{ modelId: "m1", role: "EDITOR" as const }];
    expect(projectRole(member, "t1", scoped)).toBe("VIEWER");
    expect(projectRole(member, "t1", scoped, "m1")).toBe("EDITOR");
    expect(projectRole(member, "t1", scoped, "m2")).toBe("VIEWER");
    expect(atLeast("EDITOR", "VIEWER")).toBe(true);
    expect(atLeast("VIEWER", "EDITOR")).toBe(false);
    expect(atLeast(null, "VIEWER")).toBe(false);
  });
});
