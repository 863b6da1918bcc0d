// The production HTTP server: Next's request handler behind a plain Node server that knows the
// socket's peer, which `next start` does not expose. Each request gets the peer stamped in
// PEER_HEADER (replacing anything a client sent), and X-Forwarded-* / Forwarded headers are
// dropped unless the peer is a proxy named in FERRY_TRUSTED_PROXIES — so rate limits, cookies
// and origin checks (Next's server-action check too) never trust a client's claims about itself.
// Started by scripts/start.ts; `npm run dev` keeps `next dev`.
import http from "node:http";
import v8 from "node:v8";
import next from "next";
import { SERVER_ACTION_BODY_BYTES } from "@/lib/config/limits";
import {
  FORWARDED_HEADERS,
  isSameOriginRequest,
  isTrustedProxy,
  normalizeAddress,
  PEER_HEADER,
  trustedProxies,
} from "@/lib/http/client-address";
import { sweepSpooledUploads } from "@/lib/http/spool-sweep";
import { modelWorker } from "@/lib/bundle/check-models-in-parallel";

// V8 grows the heap by up to 4× its live size between full collections, so a 138 MB export or
// import left the process 1.6–2.4× the bundle above idle, all of it garbage awaiting collection.
// At most 50 % growth keeps the peak at or under the bundle's size; export time is unchanged and
// the import's within the noise (see docs/benchmarks.md). FERRY_HEAP_GROWING_PERCENT overrides it; 0 leaves V8's own policy.
const heapGrowingPercent = Number(process.env.FERRY_HEAP_GROWING_PERCENT ?? 50);
if (Number.isInteger(heapGrowingPercent) && heapGrowingPercent > 0)
  v8.setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);

// Uploads a killed process left in the temporary directory (see lib/http/spool-file.ts).
const leftovers = sweepSpooledUploads();
if (leftovers.length > 0) console.log(`[ferry] removed ${leftovers.length} leftover upload file(s)`);

// The import's second thread (lib/bundle/check-models-in-parallel.ts), started now: its start
// is not an upload's wait, and its memory is part of the idle server's.
modelWorker();

const port = Number(process.env.PORT ?? 3000);
const trusted = trustedProxies();
const app = next({ dev: false, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  const peer = normalizeAddress(request.socket.remoteAddress ?? "");
  request.headers[PEER_HEADER] = peer;
  if (!isTrustedProxy(peer, trusted)) for (const name of FORWARDED_HEADERS) delete request.headers[name];
  if (request.headers["next-action"]) {
    // A server action from another site is refused here with 403, before Next reads its body
    // (Next's own check answers 500, and lets a request without Origin run).
    if (!isSameOriginRequest(toHeaders(request.headers), trusted))
      return refuse(request, response, 403, "FORBIDDEN", "Cross-site requests are not accepted.");
    // Forms are small and browsers declare their length: anything else is refused unread, so an
    // anonymous caller cannot make Next buffer and parse a huge body first.
    const declared = Number(request.headers["content-length"]);
    if (!Number.isSafeInteger(declared) || declared > SERVER_ACTION_BODY_BYTES)
      return refuse(
        request,
        response,
        413,
        "PAYLOAD_TOO_LARGE",
        "A form carries at most 1 MB, with its length declared.",
      );
  }
  void handle(request, response);
});
// FERRY_HOST: the address to listen on (unset: every interface; 127.0.0.1 keeps it local).
const host = process.env.FERRY_HOST || undefined;
server.listen(port, host, () => console.log(`Ready: serving on http://${host ?? "localhost"}:${port}`));

/**
 * Answers without reading the body. The body is discarded unparsed for a moment so the client
 * reads the answer (closing a socket with unread data resets it, and the answer is lost), then
 * the connection is cut.
 */
function refuse(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", connection: "close" });
  response.end(JSON.stringify({ error: { code, message } }));
  request.resume();
  setTimeout(() => request.socket.destroy(), 1_000).unref();
}

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
