import type { FieldErrors, Resolver } from "react-hook-form";
import { importOptionsSchema, type ImportOptions } from "@/lib/import/import-options";

// The form validates with the API's own options schema (shape and lengths); the planner, run in
// the bundle worker, judges everything that depends on the bundle and the tenant.

const messages = { error: (issue: { code: string; maximum?: unknown }) => friendly(issue) };

function friendly(issue: { code: string; maximum?: unknown }): string | undefined {
  if (issue.code === "too_small") return "Enter a value.";
  if (issue.code === "too_big") return `At most ${String(issue.maximum)} characters.`;
  return undefined;
}

/**
 * A react-hook-form resolver over importOptionsSchema. Errors are nested by key rather than by a
 * dotted path: connection names are free text and may contain dots.
 */
export const importOptionsResolver: Resolver<ImportOptions> = async (values) => {
  const parsed = importOptionsSchema.safeParse(values, messages);
  if (parsed.success) return { values: parsed.data, errors: {} };
  const errors: Record<string, unknown> = {};
  for (const issue of parsed.error.issues) {
    let node = errors;
    issue.path.forEach((key, i) => {
      const name = String(key);
      if (i === issue.path.length - 1) node[name] ??= { type: issue.code, message: issue.message };
      else node = (node[name] ??= {}) as Record<string, unknown>;
    });
  }
  return { values: {}, errors: errors as FieldErrors<ImportOptions> };
};
