import { compareJsonKeys } from "../json-order";

// Field-level differences between two JSON values, as paths (`draft.measures.2.sql`), never whole
// documents: a 20 KB snapshot that changed one measure reads as one line. Pure.

export interface Change {
  path: string;
  before?: unknown;
  after?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * The changed paths from `before` to `after`. Objects are compared key by key, arrays element by
 * element (a length change reports the extra or missing elements). `limit` bounds the list.
 */
export function diffJson(before: unknown, after: unknown, path = "", limit = 200): Change[] {
  const changes: Change[] = [];
  walk(before, after, path, changes, limit);
  return changes;
}

function walk(before: unknown, after: unknown, path: string, out: Change[], limit: number): void {
  if (out.length >= limit) return;
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareJsonKeys);
    for (const key of keys) {
      if (!(key in after) || after[key] === undefined) {
        if (before[key] !== undefined) out.push({ path: at(key), before: before[key] });
      } else if (!(key in before) || before[key] === undefined) out.push({ path: at(key), after: after[key] });
      else walk(before[key], after[key], at(key), out, limit);
      if (out.length >= limit) return;
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length && out.length < limit; i++) {
      if (i >= after.length) out.push({ path: at(i), before: before[i] });
      else if (i >= before.length) out.push({ path: at(i), after: after[i] });
      else walk(before[i], after[i], at(i), out, limit);
    }
    return;
  }
  if (!Object.is(before, after) && JSON.stringify(before) !== JSON.stringify(after)) {
    out.push({ path, before, after });
  }
}
