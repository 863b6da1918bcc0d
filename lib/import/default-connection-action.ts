import type { ConnectionMappingEntry } from "./import-options";

/**
 * What an exported connection becomes when nobody decided: created when the bundle carries its
 * secret and its name is free in the tenant, mapped onto a same-named connection of the same type,
 * otherwise undecided (null: the user must choose). The preview API and the wizard pre-fill with it.
 */
export function defaultConnectionAction(
  connection: { name: string; type: string; hasSecret: boolean },
  tenantConnections: readonly { name: string; type: string }[],
): ConnectionMappingEntry | null {
  const existing = tenantConnections.find((c) => c.name === connection.name);
  if (!existing) return connection.hasSecret ? { action: "create" } : null;
  return existing.type === connection.type ? { action: "map", target: existing.name } : null;
}
