import "server-only";
import type { TenantRole } from "@/generated/prisma/enums";
import { db } from "@/lib/db";

export interface ActorMembership {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  role: TenantRole;
}

/** The authenticated caller of a page, action, route or CLI command. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  isSystemAdmin: boolean;
  memberships: ActorMembership[];
  via: "session" | "token" | "cli";
}

export async function loadActor(userId: string, via: Actor["via"]): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      isSystemAdmin: true,
      memberships: { select: { role: true, tenant: { select: { id: true, slug: true, name: true } } }, orderBy: { tenant: { slug: "asc" } } },
    },
  });
  if (!user) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    isSystemAdmin: user.isSystemAdmin,
    memberships: user.memberships.map((m) => ({ tenantId: m.tenant.id, tenantSlug: m.tenant.slug, tenantName: m.tenant.name, role: m.role })),
    via,
  };
}

export async function loadActorByEmail(email: string, via: Actor["via"]): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  return user ? loadActor(user.id, via) : null;
}
