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
  void handle(request, response);
});
server.listen(port, () => console.log(`Ready: serving on http://localhost:${port}`));

const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
