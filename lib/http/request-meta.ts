import "server-only";
import { headers } from "next/headers";
import { clientAddress, isTrustedProxy, PEER_HEADER } from "./client-address";

/**
 * Client address and scheme for rate limits and cookies. Forwarded headers count only from a
 * proxy named in FERRY_TRUSTED_PROXIES (see client-address.ts).
 */
export async function requestMeta(): Promise<{ ip: string; secure: boolean }> {
  const h = await headers();
  const peer = h.get(PEER_HEADER);
  const ip = clientAddress({ peer, forwardedFor: h.get("x-forwarded-for") });
  return { ip, secure: isTrustedProxy(peer) && h.get("x-forwarded-proto") === "https" };
}
