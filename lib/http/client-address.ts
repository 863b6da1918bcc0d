// Who is on the other end of a request (SPEC §6): the socket's peer, unless that peer is a reverse
// proxy named in FERRY_TRUSTED_PROXIES — only then do its X-Forwarded-* headers count. Pure: the
// server entry (scripts/serve.ts) stamps the peer and drops forwarded headers from anyone else;
// request handlers read the result.

/** Set by the server entry from the socket, replacing anything a client sent. */
export const PEER_HEADER = "x-ferry-peer";
/** Headers only a trusted proxy may set; dropped from every other peer's requests. */
export const FORWARDED_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
];

/** `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) is 10.0.0.1. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

/** FERRY_TRUSTED_PROXIES: comma- or space-separated IP addresses of the proxies in front. */
export function trustedProxies(value: string | undefined = process.env.FERRY_TRUSTED_PROXIES): Set<string> {
  return new Set(
    (value ?? "")
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(normalizeAddress),
  );
}

export function isTrustedProxy(peer: string | null | undefined, trusted = trustedProxies()): boolean {
  return !!peer && trusted.has(normalizeAddress(peer));
}

/**
 * The client's address: the peer itself, or — when the peer is a trusted proxy — the nearest
 * address in its X-Forwarded-For that is not one of our proxies (entries further left were
 * written by the client and prove nothing). "unknown" when no server stamped a peer.
 */
export function clientAddress(options: {
  peer: string | null;
  forwardedFor: string | null;
  trusted?: Set<string>;
}): string {
  const trusted = options.trusted ?? trustedProxies();
  if (!options.peer) return "unknown";
  const peer = normalizeAddress(options.peer);
  if (!trusted.has(peer)) return peer;
  const hops = (options.forwardedFor ?? "").split(",").map(normalizeAddress).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i]!)) return hops[i]!;
  return hops[0] ?? peer;
}

/** The host the client asked for: X-Forwarded-Host only from a trusted proxy, else Host. */
export function requestHost(headers: Headers, trusted = trustedProxies()): string | null {
  const forwarded = isTrustedProxy(headers.get(PEER_HEADER), trusted) ? headers.get("x-forwarded-host") : null;
  return forwarded?.split(",")[0]?.trim() || headers.get("host");
}

/**
 * Whether a state-changing request comes from our own pages: never when the browser marks it
 * `Sec-Fetch-Site: cross-site`; otherwise its Origin (when sent) must name the requested host.
 */
export function isSameOriginRequest(headers: Headers, trusted = trustedProxies()): boolean {
  if (headers.get("sec-fetch-site") === "cross-site") return false;
  const origin = headers.get("origin");
  if (!origin) return true;
  try {
    return new URL(origin).host === requestHost(headers, trusted);
  } catch {
    return false;
  }
}
