// What PostgreSQL cannot store (SPEC §6): U+0000 in text or jsonb, lone UTF-16 surrogates (text is
// UTF-8, which has no encoding for them), and integers beyond its 4-byte `integer`. Bundles and
// forms refuse them up front, with a path, instead of failing halfway through a write.

export const PG_INT4_MAX = 2_147_483_647;

/** In u-mode a surrogate pair is one code point: \p{Cs} matches lone surrogates only. */
const UNSTORABLE = /[\u0000\p{Cs}]/u;

/** Why PostgreSQL cannot store this text, or null. */
export function unstorableTextReason(value: string): string | null {
  const match = UNSTORABLE.exec(value);
  if (!match) return null;
  if (match[0] === "\u0000") return "the NUL character (\\u0000) is not allowed";
  const unit = match[0].charCodeAt(0).toString(16);
  return `a lone UTF-16 surrogate (\\u${unit}) is not allowed`;
}

/** The first string or key in a JSON-like value that PostgreSQL cannot store, with its path. */
export function findUnstorableText(
  value: unknown,
  path: (string | number)[] = [],
): { path: string; reason: string } | null {
  if (typeof value === "string") {
    const reason = unstorableTextReason(value);
    return reason ? { path: path.join("."), reason } : null;
  }
  if (value === null || typeof value !== "object") return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const keyReason = unstorableTextReason(key);
    if (keyReason) return { path: [...path, key].join("."), reason: `a key: ${keyReason}` };
    const found = findUnstorableText(item, [...path, key]);
    if (found) return found;
  }
  return null;
}
