// JSON typed into forms (LLM params, recipe definitions, setting values, connection options).
// Stored documents end up in bundles, so they obey the bundle rules (SPEC §6): no prototype
// keys, bounded nesting, only text PostgreSQL can store.
import { findUnstorableText } from "./storable";

export const MAX_JSON_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; reason: string };

export function parseJsonText(text: string): JsonParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = (error as Error).message;
    return { ok: false, reason: `Not valid JSON: ${detail}${/[.!?]$/.test(detail) ? "" : "."}` };
  }
  const problem = unsafeJsonReason(value, 1);
  if (problem) return { ok: false, reason: problem };
  const unstorable = findUnstorableText(value);
  if (unstorable)
    return {
      ok: false,
      reason: `${unstorable.path ? `At ${unstorable.path}: ` : "In the value: "}${unstorable.reason}.`,
    };
  return { ok: true, value };
}

/** Parses JSON that must be an object (e.g. `{ "temperature": 0.2 }`). */
export function parseJsonObjectText(
  text: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  if (!isPlainObject(parsed.value)) return { ok: false, reason: 'Enter a JSON object, e.g. { "key": "value" }.' };
  return { ok: true, value: parsed.value };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function unsafeJsonReason(value: unknown, depth: number): string | null {
  if (depth > MAX_JSON_DEPTH) return `Nested more than ${MAX_JSON_DEPTH} levels deep.`;
  if (Array.isArray(value)) {
    for (const item of value) {
      const reason = unsafeJsonReason(item, depth + 1);
      if (reason) return reason;
    }
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) return `The key "${key}" is not allowed.`;
      const reason = unsafeJsonReason(item, depth + 1);
      if (reason) return reason;
    }
  }
  return null;
}

/** Compact one-line rendering for tables. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value) ?? "null";
}
