import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indentJsonbText } from "./indent-jsonb-text";

// jsonb's text output: keys by (UTF-8 length, bytes), ", " and ": " separators.
function jsonbText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort((a, b) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)));
    return `{${keys.map((k) => `${JSON.stringify(k)}: ${jsonbText((value as Record<string, unknown>)[k])}`).join(", ")}}`;
  }
  return JSON.stringify(value);
}

/** What JSON.stringify writes for the value at `depth` inside a 2-space document. */
function expectedAt(text: string, depth: number): string {
  return JSON.stringify(JSON.parse(text), null, 2).replace(/\n/g, `\n${"  ".repeat(depth)}`);
}

describe("indentJsonbText", () => {
  it("writes exactly what JSON.stringify writes, or declines", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.integer({ min: 1, max: 6 }), (value, depth) => {
        const text = jsonbText(JSON.parse(JSON.stringify(value)));
        const got = indentJsonbText(text, depth);
        if (got !== null) expect(got).toBe(expectedAt(text, depth));
      }),
      { numRuns: 500 },
    );
  });

  it("handles ordinary snapshots without declining, including tricky strings", () => {
    const value = { name: 'quote " backslash \\ tab \t newline \n ü 🚢 \u0001', n: [1, -2.5, 0, 1e-3], empty: {}, list: [], nested: [{ a: null, b: true, c: false }, [[]]], "key, with: separators": "x, y: z" };
    const text = jsonbText(value);
    expect(indentJsonbText(text, 3)).toBe(expectedAt(text, 3));
  });

  it("declines what JavaScript would write differently", () => {
    expect(indentJsonbText('{"9": 1, "a": 2}', 2)).toBeNull(); // array-index keys are reordered by JS
    expect(indentJsonbText('{"a": 1000000000000000000000}', 2)).toBeNull(); // JS writes 1e+21
    expect(indentJsonbText('{"a": 0.0000001}', 2)).toBeNull(); // JS writes 1e-7
    expect(indentJsonbText('{"a": 1.50}', 2)).toBeNull(); // jsonb keeps the scale, JS does not
  });
});
