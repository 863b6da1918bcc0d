import "server-only";
import { toErrorBody, type ErrorBody, type ErrorCode } from "@/lib/errors";

export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: ErrorBody["error"] };

/**
 * Runs a server action body and returns its result as data: expected failures keep their code
 * and message; unexpected ones are logged and answered generically (same mapper as the API).
 */
export async function runAction<T>(
  name: string,
  body: () => Promise<T>,
  fallback: ErrorCode = "INTERNAL_ERROR",
): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    // redirect()/notFound() signal by throwing; let Next handle them.
    if (isNextControlFlow(error)) throw error;
    return { ok: false, error: toErrorBody(error, fallback, `action ${name}`).body.error };
  }
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" &&
    (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND")
  );
}
