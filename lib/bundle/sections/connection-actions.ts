// Connection defaults, pure and free of SQL so the browser can use them (the wizard pre-fills its rows).

/**
 * The action a connection takes when the caller does not decide (SPEC §4): create when the bundle
 * carries its secret and its name is free in the target tenant; otherwise the caller must decide.
 */
export function defaultConnectionAction(
  connection: { name: string; hasSecret: boolean },
  existing: ReadonlyMap<string, unknown>,
): "create" | undefined {
  return connection.hasSecret && !existing.has(connection.name) ? "create" : undefined;
}

/**
 * What the wizard pre-fills for the user to confirm: the planner's default, else the obvious
 * choice — map onto the same-named connection of the same type — else nothing (the row must be decided).
 */
export function suggestedConnectionAction(
  connection: { name: string; type: string; hasSecret: boolean },
  existing: ReadonlyMap<string, { type: string }>,
): "create" | "map" | null {
  return (
    defaultConnectionAction(connection, existing) ??
    (existing.get(connection.name)?.type === connection.type ? "map" : null)
  );
}
