import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { bundleJsonSchemaText } from "./json-schema";

describe("published JSON Schema", () => {
  it("docs/bundle-schema.json matches the zod schema (run `npm run docs:schema` after changing it)", () => {
    expect(fs.readFileSync("docs/bundle-schema.json", "utf8")).toBe(bundleJsonSchemaText());
  });
});
