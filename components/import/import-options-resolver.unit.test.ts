import { describe, expect, it } from "vitest";
import type { ImportOptions } from "@/lib/import/import-options";
import { importOptionsResolver } from "./import-options-resolver";

const run = (values: ImportOptions) =>
  importOptionsResolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });

describe("importOptionsResolver", () => {
  it("passes valid options through, trimmed by the shared schema", async () => {
    const result = await run({ mode: "create", projectSlug: "x", displayName: "  Name " });
    expect(result.errors).toEqual({});
    expect(result.values).toMatchObject({ displayName: "Name" });
  });

  it("says what is wrong in words, nested by key even when a connection name has dots", async () => {
    const result = await run({
      mode: "create",
      displayName: " ",
      connectionMapping: { "wh.prod": { action: "pending", name: "" } },
    });
    expect(result.errors).toEqual({
      displayName: { type: "too_small", message: "Enter a value." },
      connectionMapping: { "wh.prod": { name: { type: "too_small", message: "Enter a value." } } },
    });
  });
});
