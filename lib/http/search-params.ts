import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { tenantQuerySchema } from "@/lib/validations/tenant";
import { parseInput } from "@/lib/validations/parse-input";

/**
 * Parses a request's query string with a zod object schema; a bad value is INVALID_OPTIONS (400).
 * A parameter given twice is refused rather than read as its first or last value, so every route
 * agrees on what `?tenant=a&tenant=b` means: nothing.
 */
export function parseSearchParams<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const search = new URL(request.url).searchParams;
  const repeated = [...new Set(search.keys())].filter((key) => search.getAll(key).length > 1);
  if (repeated.length > 0)
    throw new AppError(
      "INVALID_OPTIONS",
      `Give each query parameter once: ${repeated.map((key) => `"${key}"`).join(", ")} appears more than once.`,
      repeated.map((key) => ({ path: key, reason: "given more than once" })),
    );
  return parseInput(schema, Object.fromEntries(search), "INVALID_OPTIONS");
}

/** `?tenant=` of an API route (undefined when absent). */
export function tenantParam(request: Request): string | undefined {
  return parseSearchParams(request, tenantQuerySchema).tenant;
}
