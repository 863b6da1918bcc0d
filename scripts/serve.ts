// The production HTTP server: Next's request handler behind a plain Node server that knows the
// socket's peer, which `next start` does not expose. Each request gets the peer stamped in
// PEER_HEADER (replacing anything a client sent), and X-Forwarded-* / Forwarded headers are
// dropped unless the peer is a proxy named in FERRY_TRUSTED_PROXIES — so rate limits, cookies
// and origin checks (Next's server-action check too) never trust a client's claims about itself.
// Started by scripts/start.ts; `npm run dev` keeps `next dev`.
import http from "node:http";
import next from "next";
import {
  FORWARDED_HEADERS,
  isSameOriginRequest,
  isTrustedProxy,
  normalizeAddress,
  PEER_HEADER,
  trustedProxies,
} from "@/lib/http/client-address";

const port = Number(process.env.PORT ?? 3000);
const trusted = trustedProxies();
const app = next({ dev: false, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  const peer = normalizeAddress(request.socket.remoteAddress ?? "");
  request.headers[PEER_HEADER] = peer;
  if (!isTrustedProxy(peer, trusted)) for (const name of FORWARDED_HEADERS) delete request.headers[name];
  // A server action from another site is refused here with 403, before Next reads its body (Next's
  // own check answers 500, and lets a request without Origin run).
  if (request.headers["next-action"] && !isSameOriginRequest(toHeaders(request.headers), trusted)) {
    response.writeHead(403, { "content-type": "application/json", "cache-control": "no-store", connection: "close" });
    response.end(JSON.stringify({ error: { code: "FORBIDDEN", message: "Cross-site requests are not accepted." } }));
    request.resume();
    return;
  }
  void handle(request, response);
});
server.listen(port, () => console.log(`Ready: serving on http://localhost:${port}`));

function toHeaders(incoming: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming))
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  return headers;
}

const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
