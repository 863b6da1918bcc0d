import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { tenantCipher } from "@/lib/secrets/tenant-secrets";
import { resolveTenant } from "@/lib/tenants/resolve-tenant";
import { connectionInputSchema } from "@/lib/validations/connection";
import { fieldError, parseInput } from "@/lib/validations/parse-input";
import type { ConnectionSummary } from "./connection-summary";

/**
 * Creates a tenant connection, or updates the one named `connectionName` (tenant admins). The
 * secret is encrypted under the tenant's data key; a blank secret keeps the stored one.
 */
export async function saveConnection(options: {
  actor: Actor;
  tenantSlug: string;
  connectionName?: string;
  input: unknown;
}): Promise<ConnectionSummary> {
  const tenant = await resolveTenant({ actor: options.actor, tenantSlug: options.tenantSlug, requireAdmin: true });
  const input = parseInput(connectionInputSchema, options.input);
  const sealed = input.secret ? (await tenantCipher({ tenantId: tenant.id })).encrypt(input.secret) : null;
  const select = { name: true, type: true, status: true } as const;
  try {
    if (options.connectionName === undefined) {
      const created = await db.connection.create({
        data: {
          tenantId: tenant.id,
          name: input.name,
          type: input.type,
          config: input.config as object,
          secretEncrypted: sealed,
          status: sealed ? "ACTIVE" : "PENDING_CREDENTIALS",
        },
        select,
      });
      return { ...created, hasSecret: sealed !== null };
    }
    const existing = await db.connection.findUnique({
      where: { tenantId_name: { tenantId: tenant.id, name: options.connectionName } },
      select: { id: true, type: true, status: true },
    });
    if (!existing)
      throw new AppError("NOT_FOUND", `Connection "${options.connectionName}" was not found in ${tenant.name}.`);
    // Models and bundles rely on a connection's type (imports map connections by type).
    if (existing.type !== input.type)
      throw fieldError("INVALID_INPUT", "type", "A connection's type cannot change. Create a new connection instead.");
    const secret = sealed
      ? { secretEncrypted: sealed, status: "ACTIVE" as const }
      : input.clearSecret
        ? { secretEncrypted: null, status: "PENDING_CREDENTIALS" as const }
        : {};
    const updated = await db.connection.update({
      where: { id: existing.id },
      data: { name: input.name, config: input.config as object, ...secret },
      select,
    });
    const hasSecret =
      sealed !== null ||
      (!input.clearSecret &&
        (await db.connection.count({ where: { id: existing.id, secretEncrypted: { not: null } } })) > 0);
    return { ...updated, hasSecret };
  } catch (error) {
    if (isUniqueViolation(error))
      throw fieldError("NAME_TAKEN", "name", `A connection named "${input.name}" already exists in ${tenant.name}.`);
    throw error;
  }
}
