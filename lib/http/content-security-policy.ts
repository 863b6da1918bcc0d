// The Content-Security-Policy of every page (set per request by proxy.ts). Scripts run only with
// this response's nonce ('strict-dynamic' lets those scripts load Next's chunks); Next puts the
// nonce on its own inline scripts when it finds the policy in the request headers. No
// 'unsafe-eval' outside `next dev` (React needs it there for its error overlay), and no
// 'unsafe-inline' for scripts, so markup injected into a page cannot run.
//
// Styles keep 'unsafe-inline': server-rendered components set style attributes (progress bars,
// Radix positioning), which nonces cannot cover; injected CSS cannot run code.

export function contentSecurityPolicy(options: { nonce: string; development: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    // The import wizard validates files in a Web Worker served from /_next/static.
    "worker-src 'self' blob:",
    `connect-src 'self'${options.development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only behind HTTPS: on a plain-HTTP install it would send the browser to a port that is not there.
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
