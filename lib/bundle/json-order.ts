// Orders used by the canonical form (pure). Natural keys compare by code unit; free-form JSON
// keys in the order PostgreSQL's jsonb keeps them (see compareJsonKeys).

/** Plain code-unit order for natural keys (slugs, names): locale-independent, identical everywhere. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    compareKeys(key(a), key(b));

const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;
const isArrayIndex = (key: string) => ARRAY_INDEX.test(key) && Number(key) <= 4_294_967_294;
const ASCII = /^[\x00-\x7f]*$/;
const utf8 = new TextEncoder();

/**
 * Key order inside free-form JSON: the order PostgreSQL's jsonb keeps keys in (shorter UTF-8 byte
 * length first, then bytewise), except that array-index keys ("0", "1", …) come first in numeric
 * order, as JavaScript objects enumerate them. Values read back from jsonb are then already in
 * canonical order, so export never re-sorts 100 MB of snapshots.
 */
export function compareJsonKeys(a: string, b: string): number {
  const ai = isArrayIndex(a);
  const bi = isArrayIndex(b);
  if (ai || bi) return ai && bi ? Number(a) - Number(b) : ai ? -1 : 1;
  if (ASCII.test(a) && ASCII.test(b)) return a.length - b.length || compareKeys(a, b);
  const ab = utf8.encode(a);
  const bb = utf8.encode(b);
  if (ab.length !== bb.length) return ab.length - bb.length;
  for (let i = 0; i < ab.length; i++) if (ab[i] !== bb[i]) return ab[i]! - bb[i]!;
  return 0;
}

export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === "object") {
    const source = value as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(source).sort(compareJsonKeys)) {
      if (source[key] !== undefined) sorted[key] = sortKeysDeep(source[key]);
    }
    return sorted;
  }
  return value;
}
