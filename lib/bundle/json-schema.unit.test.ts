import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { bundleJsonSchemaText } from "./json-schema";

describe("published JSON Schema", () => {
  it("docs/bundle-schema.json matches the zod schema (run `npm run docs:schema` after changing it)", () => {
    expect(fs.readFileSync("docs/bundle-schema.json", "utf8")).toBe(bundleJsonSchemaText());
  });
});

describe("rules the JSON Schema states", () => {
  it("marks sections unique and gives names the patterns the server enforces", () => {
    const schema = JSON.parse(bundleJsonSchemaText()) as {
      properties: { sections: { uniqueItems?: boolean }; connections: { anyOf?: unknown[]; items?: unknown } };
    };
    expect(schema.properties.sections.uniqueItems).toBe(true);
    const text = JSON.stringify(schema.properties.connections);
    expect(text).toContain(JSON.stringify("^\\S(?:[\\s\\S]*\\S)?$"));
    expect(text).toContain(JSON.stringify("^[^\\u0000-\\u001f\\u007f]*$"));
  });
});
