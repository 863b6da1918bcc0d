import "server-only";
import os from "node:os";
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
      memberships: {
        select: { role: true, tenant: { select: { id: true, slug: true, name: true } } },
        orderBy: { tenant: { slug: "asc" } },
      },
    },
  });
  if (!user) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    isSystemAdmin: user.isSystemAdmin,
    memberships: user.memberships.map((m) => ({
      tenantId: m.tenant.id,
      tenantSlug: m.tenant.slug,
      tenantName: m.tenant.name,
      role: m.role,
    })),
    via,
  };
}

export async function loadActorByEmail(email: string, via: Actor["via"]): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  return user ? loadActor(user.id, via) : null;
}

/**
 * The operator CLI works on the database directly, like a management command: it acts as a
 * system admin named after the operating-system user and host (FERRY_CLI_ACTOR overrides), which
 * is what audit events and bundle metadata record.
 */
export function cliActor(): Actor {
  const email = process.env.FERRY_CLI_ACTOR || `${os.userInfo().username}@${os.hostname()} (cli)`;
  return {
    userId: "00000000-0000-0000-0000-000000000000",
    email,
    name: "Ferry CLI",
    isSystemAdmin: true,
    memberships: [],
    via: "cli",
  };
}
