import { z } from "zod";
import { isPlainObject, parseJsonText } from "./json";
import { slugSchema } from "./slug";

// A cross-model recipe: { models: [<model slug>…], steps: [{ measure: "<model>.<measure>" }…] }.
// Steps may carry other keys (expressions, groupings); every model named must be listed in
// `models`, and the server checks that each listed model exists in the project.

const MEASURE_REF = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.([A-Za-z_][A-Za-z0-9_]*)$/;

export interface RecipeDefinition {
  models: string[];
  steps: Record<string, unknown>[];
  [key: string]: unknown;
}

export const recipeInputSchema = z.object({
  slug: slugSchema,
  name: z.string().trim().min(1, "Enter a name.").max(200, "At most 200 characters."),
  definition: z
    .string()
    .max(200_000, "At most 200,000 characters.")
    .transform((text, ctx) => {
      const parsed = parseRecipeDefinition(text);
      if (typeof parsed === "string") {
        ctx.addIssue({ code: "custom", message: parsed });
        return z.NEVER;
      }
      return parsed;
    }),
});

export type RecipeFormValues = z.input<typeof recipeInputSchema>;

/** The definition, or why it is not one. */
export function parseRecipeDefinition(text: string): RecipeDefinition | string {
  if (!text.trim()) return "Enter the definition as JSON.";
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed.reason;
  const value = parsed.value;
  if (!isPlainObject(value)) return 'The definition is a JSON object: { "models": [...], "steps": [...] }.';
  const { models, steps } = value;
  if (!Array.isArray(models) || models.length === 0) return "models lists at least one model slug.";
  for (const [index, model] of models.entries()) {
    if (typeof model !== "string" || !slugSchema.safeParse(model).success)
      return `models[${index}] is not a model slug.`;
    if (models.indexOf(model) !== index) return `models lists "${model}" twice.`;
  }
  if (!Array.isArray(steps) || steps.length === 0) return "steps lists at least one step.";
  for (const [index, step] of steps.entries()) {
    if (!isPlainObject(step)) return `steps[${index}] is not an object.`;
    if (step.measure === undefined) continue;
    const match = typeof step.measure === "string" ? MEASURE_REF.exec(step.measure) : null;
    if (!match) return `steps[${index}].measure must look like "<model>.<measure>" (e.g. "orders.revenue").`;
    if (!models.includes(match[1]!))
      return `steps[${index}].measure uses model "${match[1]}", which is not listed in models.`;
  }
  return value as RecipeDefinition;
}
