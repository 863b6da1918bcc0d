import "server-only";
import type { ConnectionType, CredentialStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db";

// What may leave lib/ about a connection. Reads select named columns only: the encrypted secret
// is never selected, and whether one is set is asked of the database in a where clause.

export interface ConnectionSummary {
  name: string;
  type: ConnectionType;
  status: CredentialStatus;
  hasSecret: boolean;
}

/** Which of these connections hold a secret. */
export async function connectionsWithSecret(ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.connection.findMany({
    where: { id: { in: ids }, secretEncrypted: { not: null } },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}
