import "server-only";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { seal, unseal, unwrapDataKey } from "./keys";

// The only way secrets enter or leave their encrypted columns. Everything else selects around
// them (Prisma `omit`), so a secret never reaches a page, a response or a stripped bundle.

export type SecretValue = Record<string, unknown>;

const SECRET_AAD = "ferry-secret-v1";

/** A per-tenant cipher with the data key unwrapped once (imports encrypt many secrets). */
export interface TenantCipher {
  encrypt(secret: SecretValue): string;
  decrypt(sealed: string): SecretValue;
}

export async function tenantCipher(options: { tenantId: string; tx?: Tx }): Promise<TenantCipher> {
  const client = options.tx ?? db;
  const tenant = await client.tenant.findUniqueOrThrow({
    where: { id: options.tenantId },
    select: { wrappedDataKey: true },
  });
  return cipherFor(unwrapDataKey(tenant.wrappedDataKey));
}

export function cipherFor(dataKey: Buffer): TenantCipher {
  return {
    encrypt: (secret) => seal(dataKey, Buffer.from(JSON.stringify(secret), "utf8"), SECRET_AAD),
    decrypt: (sealed) => JSON.parse(unseal(dataKey, sealed, SECRET_AAD).toString("utf8")) as SecretValue,
  };
}
