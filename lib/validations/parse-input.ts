import type { z } from "zod";
import { AppError, type ErrorCode } from "@/lib/errors";

/**
 * Parses a payload with its shared form schema; failures become INVALID_INPUT with one detail
 * per field (`path` matches the form's field names, so forms can show them inline).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.slice(0, 50).map((issue) => ({ path: issue.path.join("."), reason: issue.message }));
  throw new AppError("INVALID_INPUT", details[0]?.reason ?? "Check the form.", details);
}

/** A failure of one form field found on the server (INVALID_INPUT, NAME_TAKEN, SLUG_TAKEN…). */
export function fieldError(code: ErrorCode, path: string, reason: string): AppError {
  return new AppError(code, reason, [{ path, reason }]);
}
