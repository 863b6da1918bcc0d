import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { newSecretToken } from "@/lib/auth/tokens";
import { bulkInsert } from "@/lib/database/bulk-insert";
import type { PgClient } from "@/lib/database/pg-transaction";
import { MembershipTable, UserTable } from "@/lib/database/tables";

// Users and memberships written in bulk on a caller's transaction (import --create-users, the
// large-project generator). Accounts made without a password get a random one nobody knows.

export interface NewUser {
  email: string;
  name?: string;
  passwordHash?: string;
  isSystemAdmin?: boolean;
}

/** Inserts users (e-mail → new id); one random unusable password hash is shared by those without one. */
export async function insertUsers(client: PgClient, users: readonly NewUser[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (users.length === 0) return ids;
  const unusable = users.some((u) => !u.passwordHash) ? await hashPassword(newSecretToken()) : "";
  const rows = users.map((u) => {
    const id = crypto.randomUUID();
    ids.set(u.email, id);
    return {
      id,
      email: u.email,
      name: u.name ?? u.email.split("@")[0]!,
      passwordHash: u.passwordHash ?? unusable,
      isSystemAdmin: u.isSystemAdmin ?? false,
    };
  });
  await bulkInsert(client, UserTable, ["id", "email", "name", "passwordHash", "isSystemAdmin"], rows);
  return ids;
}

/** Adds users to a tenant (existing memberships are kept as they are). */
export async function insertMemberships(
  client: PgClient,
  tenantId: string,
  userIds: readonly string[],
  role: "MEMBER" | "TENANT_ADMIN" = "MEMBER",
): Promise<void> {
  if (userIds.length === 0) return;
  await client.query(
    `INSERT INTO "${MembershipTable.name}" ("tenantId", "userId", role) SELECT $1, unnest($2::uuid[]), $3::"TenantRole" ON CONFLICT ("tenantId", "userId") DO NOTHING`,
    [tenantId, [...userIds], role],
  );
}
