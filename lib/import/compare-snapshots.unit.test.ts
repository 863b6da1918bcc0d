import { describe, expect, it } from "vitest";
import { jsonbLayout } from "./compare-snapshots";

const layout = (text: string) => new TextDecoder().decode(jsonbLayout(new TextEncoder().encode(text)));

describe("jsonbLayout", () => {
  it("lays JSON out the way PostgreSQL prints jsonb, leaving strings alone", () => {
    expect(layout('{"a":1,"b":[1,2,{"c":null}],"d":"x, y: z"}')).toBe(
      '{"a": 1, "b": [1, 2, {"c": null}], "d": "x, y: z"}',
    );
    expect(layout('{ "a" :\n [ true , false ] }')).toBe('{"a": [true, false]}');
    expect(layout('{"q":"say \\"hi\\", then: go","u":"é"}')).toBe('{"q": "say \\"hi\\", then: go", "u": "é"}');
    expect(layout('{"s":"a\\\\","t":1}')).toBe('{"s": "a\\\\", "t": 1}');
  });
});
