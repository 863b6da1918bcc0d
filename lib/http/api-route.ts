import "server-only";
import { NextResponse } from "next/server";
import type { Actor } from "@/lib/auth/actor";
import { requireRequestActor } from "@/lib/auth/request-actor";
import { toErrorBody, type ErrorCode } from "@/lib/errors";

type Params = Record<string, string>;

interface RouteOptions {
  fallback?: ErrorCode;
  name?: string;
}

interface RouteContext<P extends Params> {
  request: Request;
  actor: Actor;
  params: P;
}

/**
 * Wraps an authenticated /api/v1 handler: authenticates, runs it, and maps every failure to the
 * SPEC §5 error shape. `fallback` names the code for unexpected failures (e.g. IMPORT_FAILED).
 */
export function apiRoute<P extends Params = Params>(
  handler: (context: RouteContext<P>) => Promise<Response>,
  options: RouteOptions = {},
) {
  return publicApiRoute<P>(
    async ({ request, params }) => handler({ request, params, actor: await requireRequestActor(request) }),
    options,
  );
}

/** The same error mapping for the few routes anyone may call (health checks). */
export function publicApiRoute<P extends Params = Params>(
  handler: (context: Omit<RouteContext<P>, "actor">) => Promise<Response>,
  options: RouteOptions = {},
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      return await handler({ request, params: await context.params });
    } catch (error) {
      return errorResponse(error, options.fallback, options.name ?? new URL(request.url).pathname);
    }
  };
}

export function errorResponse(error: unknown, fallback?: ErrorCode, context?: string): Response {
  const { status, body } = toErrorBody(error, fallback, context);
  return NextResponse.json(body, { status, headers: { "cache-control": "no-store" } });
}

export function json(data: unknown, init?: ResponseInit): Response {
  return NextResponse.json(data, { ...init, headers: { "cache-control": "no-store", ...init?.headers } });
}
