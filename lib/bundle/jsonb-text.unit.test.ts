import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareJsonKeys } from "./json-order";
import { ByteSink, writeJsonbText } from "./jsonb-text";

// A jsonb value as PostgreSQL prints it: keys unique and in jsonb's order, ", " and ": " between
// tokens, numerics as stored (trailing zeros, no exponent), strings escaped as escape_json does.
type Node = { number: string } | string | boolean | null | Node[] | { entries: [string, Node][] };

const escapeJsonb = (s: string) =>
  '"' +
  s.replace(/["\\\u0000-\u001f]/g, (c) => {
    const named: Record<string, string> = {
      '"': '\\"',
      "\\": "\\\\",
      "\b": "\\b",
      "\f": "\\f",
      "\n": "\\n",
      "\r": "\\r",
      "\t": "\\t",
    };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  }) +
  '"';

function jsonbText(node: Node): string {
  if (node === null || typeof node === "boolean") return String(node);
  if (typeof node === "string") return escapeJsonb(node);
  if (Array.isArray(node)) return `[${node.map(jsonbText).join(", ")}]`;
  if ("number" in node) return node.number;
  const sorted = [...node.entries].sort(([a], [b]) => compareJsonKeys(a, b));
  return `{${sorted.map(([k, v]) => `${escapeJsonb(k)}: ${jsonbText(v)}`).join(", ")}}`;
}

const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(..."0123456789"), { minLength: min, maxLength: max }).map((d) => d.join(""));
// Numeric text as PostgreSQL prints it: integers of any length, decimals with trailing zeros,
// tiny fractions, negatives.
const numericText = fc
  .tuple(
    fc.boolean(),
    fc.oneof(
      fc.constant("0"),
      fc.tuple(fc.constantFrom(..."123456789"), digits(0, 24)).map(([a, b]) => a + b),
    ),
    fc.option(digits(1, 12), { nil: undefined }),
  )
  .map(([negative, whole, fraction]) => `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`)
  .filter((t) => t !== "-0");
// Text with what escapes exercise: quotes, backslash runs, control characters, non-ASCII, and long runs.
const text = fc.oneof(
  fc.string({
    unit: fc.constantFrom("a", '"', "\\", "\n", "\u0001", "\u001f", "\u007f", "é", "🚢", " ", "/", "\u2028"),
  }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ minLength: 20, maxLength: 80 }),
);
const key = fc.oneof(text, digits(1, 3), fc.constantFrom("__proto__", "", "a b", "01", "4294967295", "4294967294"));

const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    numericText.map((number) => ({ number })),
    text,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("node"), { maxLength: 5 }),
    fc.uniqueArray(fc.tuple(key, tie("node")), { selector: ([k]) => k, maxLength: 5 }).map((entries) => ({ entries })),
  ),
}));

const canonical = (jsonb: string, indent: number) =>
  JSON.stringify(JSON.parse(jsonb), null, 2).replaceAll("\n", `\n${" ".repeat(indent)}`);

const hasIndexKey = (n: Node): boolean =>
  n !== null &&
  typeof n === "object" &&
  (Array.isArray(n)
    ? n.some(hasIndexKey)
    : "entries" in n &&
      n.entries.some(([k, v]) => (/^(0|[1-9]\d{0,9})$/.test(k) && Number(k) <= 4_294_967_294) || hasIndexKey(v)));

function write(jsonb: string, indent: number, sink = new ByteSink(16)): { ok: boolean; text: string } {
  const input = Buffer.from(jsonb, "utf8");
  const before = sink.pos;
  const ok = writeJsonbText(input, 0, input.length, indent, sink);
  return { ok, text: sink.buf.toString("utf8", before, sink.pos) };
}

describe("jsonb text to canonical bytes", () => {
  it("writes what JSON.stringify(JSON.parse(text), null, 2) writes, for any jsonb value", () => {
    fc.assert(
      fc.property(node, fc.integer({ min: 0, max: 12 }), (value, indent) => {
        const jsonb = jsonbText(value);
        const { ok, text } = write(jsonb, indent);
        if (hasIndexKey(value)) expect(ok).toBe(false);
        else {
          expect(ok).toBe(true);
          expect(text).toBe(canonical(jsonb, indent));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("rewrites numbers as JavaScript prints them", () => {
    const cases: [string, string][] = [
      ["1.50", "1.5"],
      ["0.00000015", "1.5e-7"],
      ["100000000000000000000000", "1e+23"],
      ["123456789012345678", "123456789012345680"],
      ["0.30000000000000004", "0.30000000000000004"],
      ["-0.0", "0"],
      [`1${"0".repeat(400)}`, "null"],
      ["-42", "-42"],
      ["true", "true"],
    ];
    for (const [jsonb, expected] of cases) expect(write(`[${jsonb}]`, 0).text).toBe(`[\n  ${expected}\n]`);
    // numeric holds up to 131,072 digits before the point: past 1e308 JavaScript writes null.
    expect(write(`[1${"0".repeat(131_071)}.${"5".repeat(16_383)}]`, 0).text).toBe("[\n  null\n]");
  });

  it("indents nested lines from the value's place and writes empty containers inline", () => {
    expect(write('{"a": [], "b": {}, "c": [1, {"d": null}]}', 4).text).toBe(
      '{\n      "a": [],\n      "b": {},\n      "c": [\n        1,\n        {\n          "d": null\n        }\n      ]\n    }',
    );
  });

  it("leaves the sink as it was for objects with array-index keys", () => {
    const sink = new ByteSink(8);
    sink.writeString("head");
    expect(write('{"a": {"7": 1}}', 0, sink).ok).toBe(false);
    expect(sink.view().toString()).toBe("head");
    // Not array indexes: leading zeros, 2^32 - 1 and beyond.
    expect(write('{"01": 1, "4294967295": 2}', 0).ok).toBe(true);
  });

  it("copes with deep nesting and grows its buffers", () => {
    const deep = "[".repeat(200) + '"x"' + "]".repeat(200);
    expect(write(deep, 3).text).toBe(canonical(deep, 3));
  });

  it("refuses an unterminated string", () => {
    expect(() => write('["abc\\"]', 0)).toThrow(/Unterminated/);
  });
});
