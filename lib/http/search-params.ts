import type { z } from "zod";
import { parseInput } from "@/lib/validations/parse-input";

/** Parses a request's query string with a zod object schema; a bad value is INVALID_OPTIONS (400). */
export function parseSearchParams<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return parseInput(schema, params, "INVALID_OPTIONS");
}
