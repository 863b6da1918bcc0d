import { z } from "zod";

// Slugs for projects, models and recipes: lowercase ASCII letters and digits in dash-separated
// words, at most 63 characters (fits DNS labels and URLs; excludes look-alike unicode).
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 63;

export const slugSchema = z
  .string()
  .min(1, "A slug cannot be empty.")
  .max(SLUG_MAX_LENGTH, `A slug has at most ${SLUG_MAX_LENGTH} characters.`)
  .regex(SLUG_PATTERN, "Use lowercase letters, digits and single dashes (e.g. sales-analytics).");

export function isValidSlug(value: string): boolean {
  return slugSchema.safeParse(value).success;
}

/** Names (connections, LLM configs, aggregates…): printable, trimmed, 1–100 characters. */
export const nameSchema = z
  .string()
  .min(1, "A name cannot be empty.")
  .max(100, "A name has at most 100 characters.")
  // Patterns rather than refinements, so the bundle's JSON Schema states them too.
  .regex(/^\S(?:[\s\S]*\S)?$/, "A name cannot start or end with spaces.")
  .regex(/^[^\u0000-\u001f\u007f]*$/, "A name cannot contain control characters.");
