import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RawJson } from "@/lib/bundle/raw-json";
import { copyField, copyLine } from "./copy-text";

describe("COPY text escaping", () => {
  it("writes NULL as \\N and escapes the four special characters", () => {
    expect(copyField(null, "text")).toBe("\\N");
    expect(copyField(undefined, "int")).toBe("\\N");
    expect(copyField("a\\b\nc\rd\te", "text")).toBe("a\\\\b\\nc\\rd\\te");
    expect(copyField("plain ü 🚢", "text")).toBe("plain ü 🚢");
  });

  it("serialises jsonb values and escapes inside the JSON text", () => {
    expect(copyField({ a: "x\ty", b: [1, "\\"] }, "jsonb")).toBe('{"a":"x\\\\ty","b":[1,"\\\\\\\\"]}');
    // The JSON text of "\\N" holds two backslashes; COPY doubles each.
    expect(copyField("\\N", "jsonb")).toBe('"\\\\\\\\N"');
  });

  it("writes RawJson from its bytes: whitespace between tokens dropped, backslashes in strings doubled", () => {
    const raw = new RawJson(new TextEncoder().encode('{\n  "k": "v\\n \\" \\\\",\r\n\t"a b": [1, 2]\n}'), []);
    expect(copyLine([{ value: raw, type: "jsonb" }])).toBe('{"k":"v\\\\n \\\\" \\\\\\\\","a b":[1,2]}\n');
  });

  it("RawJson in any layout reads back, after COPY's unescaping, as the compact JSON of the same value", () => {
    const unescape = (line: string) =>
      line.replace(/\\(.)/g, (_, c: string) => ({ n: "\n", r: "\r", t: "\t" })[c] ?? c);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(undefined, 2, "\t", " \r\n"), (value, indent) => {
        const raw = new RawJson(new TextEncoder().encode(JSON.stringify(value, null, indent)), []);
        const line = copyLine([
          { value: raw, type: "jsonb" },
          { value: "x", type: "text" },
        ]);
        expect(line.endsWith("\tx\n")).toBe(true);
        const field = line.slice(0, -3);
        expect(field).not.toMatch(/[\n\r\t]/);
        expect(unescape(field)).toBe(JSON.stringify(value));
      }),
      { numRuns: 300 },
    );
  });

  it("joins fields with tabs and ends lines with a newline", () => {
    expect(
      copyLine([
        { value: 1, type: "int" },
        { value: "a\tb", type: "text" },
        { value: null, type: "uuid" },
      ]),
    ).toBe("1\ta\\tb\t\\N\n");
  });
});
