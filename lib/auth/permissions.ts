import type { ProjectRole } from "@/generated/prisma/enums";

// Pure role rules (SPEC §1). System admins and tenant admins act as project ADMIN everywhere in
// their reach; members get the role of their access binding (project-wide, or model-scoped).

export type TenantAccess = "SYSTEM_ADMIN" | "TENANT_ADMIN" | "MEMBER";

export interface RoleSubject {
  isSystemAdmin: boolean;
  memberships: { tenantId: string; role: "TENANT_ADMIN" | "MEMBER" }[];
}

const RANK: Record<ProjectRole, number> = { VIEWER: 1, EDITOR: 2, ADMIN: 3 };

export function tenantAccess(actor: RoleSubject, tenantId: string): TenantAccess | null {
  if (actor.isSystemAdmin) return "SYSTEM_ADMIN";
  const membership = actor.memberships.find((m) => m.tenantId === tenantId);
  if (!membership) return null;
  return membership.role === "TENANT_ADMIN" ? "TENANT_ADMIN" : "MEMBER";
}

export function isTenantAdmin(actor: RoleSubject, tenantId: string): boolean {
  const access = tenantAccess(actor, tenantId);
  return access === "SYSTEM_ADMIN" || access === "TENANT_ADMIN";
}

export interface BindingLike {
  modelId: string | null;
  role: ProjectRole;
}

/**
 * The caller's role on a project (or on one model of it when modelId is given). A model-scoped
 * binding lets a member see the project as VIEWER and act with its role on that model only.
 * Returns null when the project is invisible to the caller.
 */
export function projectRole(
  actor: RoleSubject,
  tenantId: string,
  bindings: BindingLike[],
  modelId?: string,
): ProjectRole | null {
  const access = tenantAccess(actor, tenantId);
  if (access === null) return null;
  if (access !== "MEMBER") return "ADMIN";
  let best: ProjectRole | null = null;
  for (const binding of bindings) {
    const applies = binding.modelId === null || binding.modelId === modelId;
    const role: ProjectRole = applies ? binding.role : "VIEWER";
    if (best === null || RANK[role] > RANK[best]) best = role;
  }
  return best;
}

export function atLeast(role: ProjectRole | null, minimum: ProjectRole): boolean {
  return role !== null && RANK[role] >= RANK[minimum];
}
