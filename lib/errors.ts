// One error type for every expected failure (SPEC §5) and one mapper to the API's JSON shape.

export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PROJECT_NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  INVALID_JSON: 400,
  INVALID_BUNDLE: 400,
  UNSUPPORTED_BUNDLE_VERSION: 400,
  INVALID_OPTIONS: 400,
  INVALID_INPUT: 400,
  PASSPHRASE_REQUIRED: 400,
  PASSPHRASE_TOO_SHORT: 400,
  WRONG_PASSPHRASE: 400,
  SLUG_TAKEN: 409,
  NAME_TAKEN: 409,
  INVALID_SLUG: 400,
  CONNECTION_MAPPING_REQUIRED: 400,
  CONNECTION_TYPE_MISMATCH: 400,
  DANGLING_REFERENCE: 400,
  CONFLICT: 409,
  PLAN_STALE: 409,
  PROJECT_MANAGED: 409,
  RATE_LIMITED: 429,
  IMPORT_FAILED: 500,
  INTERNAL_ERROR: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  path?: string;
  reason: string;
  [key: string]: unknown;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export class AppError extends Error {
  override readonly name = "AppError";
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * Turns any thrown value into the public error body. Unexpected errors are logged with context
 * on the server and answered without internals (`fallback` names what failed, e.g. IMPORT_FAILED).
 */
export function toErrorBody(
  error: unknown,
  fallback: ErrorCode = "INTERNAL_ERROR",
  context = "request",
): { status: number; body: ErrorBody } {
  if (isAppError(error)) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details !== undefined) body.error.details = error.details;
    return { status: error.status, body };
  }
  console.error(`[ferry] unexpected error during ${context}:`, describeUnexpected(error));
  const message =
    fallback === "IMPORT_FAILED"
      ? "The import failed and was rolled back; nothing was changed."
      : "Something went wrong on the server. Nothing was changed.";
  return { status: ERROR_STATUS[fallback], body: { error: { code: fallback, message } } };
}

/** Logs the error's type, message and stack — never request bodies, which may hold secrets. */
function describeUnexpected(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}\n${error.stack ?? ""}`;
  return String(error);
}
