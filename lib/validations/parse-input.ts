import type { z } from "zod";
import { AppError, type ErrorCode } from "@/lib/errors";

/**
 * Parses input with a zod schema or throws the AppError every caller expects: the first problem
 * as the message, each problem (at most 50) as `{ path, reason }` details.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, code: ErrorCode = "INVALID_INPUT"): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.slice(0, 50).map((issue) => ({ path: issue.path.join("."), reason: issue.message }));
  throw new AppError(code, parsed.error.issues[0]?.message ?? "The input is not valid.", details);
}
