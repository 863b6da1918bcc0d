import "server-only";
import { AppError } from "@/lib/errors";
import { isSameOriginRequest } from "@/lib/http/client-address";
import { actorFromAccessToken } from "./access-tokens";
import type { Actor } from "./actor";
import { actorFromSession, SESSION_COOKIE } from "./sessions";

/**
 * Authenticates an API request: `Authorization: Bearer <personal access token>`, or the browser
 * session cookie. Cookie-authenticated writes must come from our own origin (CSRF).
 */
export async function requireRequestActor(request: Request): Promise<Actor> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const actor = match ? await actorFromAccessToken(match[1]!) : null;
    if (!actor) throw new AppError("UNAUTHENTICATED", "The access token is missing, malformed, expired or revoked.");
    return actor;
  }
  const actor = await actorFromSession(readCookie(request.headers.get("cookie"), SESSION_COOKIE));
  if (!actor)
    throw new AppError(
      "UNAUTHENTICATED",
      "Sign in, or send a personal access token as `Authorization: Bearer <token>`.",
    );
  if (!["GET", "HEAD", "OPTIONS"].includes(request.method) && !isSameOriginRequest(request.headers)) {
    throw new AppError("FORBIDDEN", "Cross-site requests are not accepted with a browser session.");
  }
  return actor;
}

function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}
