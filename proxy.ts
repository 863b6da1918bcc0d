import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";

// Gives every page a fresh CSP nonce (see lib/http/content-security-policy.ts). Other security
// headers come from next.config.ts for every route.
//
// The matcher leaves out what never renders as a page — /api and static files — and every
// server-action call (the Next-Action header, which browser navigations never carry): a proxy
// buffers the bodies of the requests it matches, cut off at 10 MB
// (experimental.proxyClientMaxBodySize), while the import wizard posts bundles of up to
// FERRY_MAX_BUNDLE_MB to the import API (which streams uploads, counting bytes).
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const policy = contentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === "development",
    https: request.headers.get("x-forwarded-proto") === "https",
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static/|_next/image|favicon.ico).*)",
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};
