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

  it("writes RawJson as its own text", () => {
    const raw = new RawJson(new TextEncoder().encode('{"k": "v\\n"}'), []);
    expect(copyField(raw, "jsonb")).toBe('{"k": "v\\\\n"}');
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
