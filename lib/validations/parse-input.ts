import type { z } from "zod";
import { AppError, type ErrorCode } from "@/lib/errors";
import { findUnstorableText } from "./storable";

/**
 * Parses input with its zod schema or throws the AppError every caller expects: the first problem
 * as the message, each problem (at most 50) as `{ path, reason }` details — paths match the form's
 * field names, so forms can show them inline. Text PostgreSQL cannot store (U+0000, lone
 * surrogates) is refused in every field first.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  code: ErrorCode = "INVALID_INPUT",
): z.output<S> {
  const unstorable = findUnstorableText(input);
  if (unstorable) {
    const reason = `${unstorable.reason[0]!.toUpperCase()}${unstorable.reason.slice(1)}.`;
    throw new AppError(code, reason, [{ path: unstorable.path, reason }]);
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues
    .slice(0, 50)
    .map((issue) => ({ path: issue.path.join("."), reason: issue.message }));
  throw new AppError(code, details[0]?.reason ?? "The input is not valid.", details);
}

/** A failure of one form field found on the server (INVALID_INPUT, NAME_TAKEN, SLUG_TAKEN…). */
export function fieldError(code: ErrorCode, path: string, reason: string): AppError {
  return new AppError(code, reason, [{ path, reason }]);
}
