import { z } from "zod";
import { bundleSchema } from "./schema";

/** JSON Schema of bundle format v1, generated from the zod schema (docs/bundle-schema.json). */
export function bundleJsonSchema(): Record<string, unknown> {
  return {
    $id: "https://ferry.dev/schemas/ferry.project/v1.json",
    title: "Ferry project bundle (format ferry.project, version 1)",
    description: "One JSON document holding a whole semantic-layer project (or one model). See docs/bundle-format.md.",
    ...z.toJSONSchema(bundleSchema, {
      target: "draft-2020-12",
      io: "input",
      unrepresentable: "any",
      // Duplicate sections are refused by the parser's consistency check; say so in the schema.
      override: (context) => {
        if (context.zodSchema === bundleSchema.shape.sections) context.jsonSchema.uniqueItems = true;
      },
    }),
  };
}

export function bundleJsonSchemaText(): string {
  return `${JSON.stringify(bundleJsonSchema(), null, 2)}\n`;
}
