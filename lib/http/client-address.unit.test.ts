import { describe, expect, it } from "vitest";
import { clientAddress, isSameOriginRequest, normalizeAddress, requestHost, trustedProxies } from "./client-address";

// X-Forwarded-* count only when the socket's peer is a proxy named in FERRY_TRUSTED_PROXIES.

describe("client address", () => {
  const trusted = trustedProxies("10.0.0.1, 10.0.0.2 ::1");

  it("is the peer itself when the peer is not a trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientAddress({ peer: "203.0.113.9", forwardedFor: "198.51.100.1", trusted })).toBe("203.0.113.9");
    expect(clientAddress({ peer: "::ffff:203.0.113.9", forwardedFor: null, trusted })).toBe("203.0.113.9");
    expect(clientAddress({ peer: "203.0.113.9", forwardedFor: "1.1.1.1", trusted: trustedProxies("") })).toBe(
      "203.0.113.9",
    );
    expect(clientAddress({ peer: null, forwardedFor: "198.51.100.1", trusted })).toBe("unknown");
  });

  it("behind trusted proxies, is the nearest forwarded address that is not one of them", () => {
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: "198.51.100.7", trusted })).toBe("198.51.100.7");
    // The client wrote the leftmost entry itself; only what our proxies appended is believed.
    expect(clientAddress({ peer: "::ffff:10.0.0.1", forwardedFor: "6.6.6.6, 198.51.100.7, 10.0.0.2", trusted })).toBe(
      "198.51.100.7",
    );
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: null, trusted })).toBe("10.0.0.1");
  });

  it("takes X-Forwarded-Host only from a trusted proxy", () => {
    const headers = (peer: string) =>
      new Headers({ "x-ferry-peer": peer, host: "ferry.internal:3000", "x-forwarded-host": "evil.example" });
    expect(requestHost(headers("203.0.113.9"), trusted)).toBe("ferry.internal:3000");
    expect(requestHost(headers("10.0.0.1"), trusted)).toBe("evil.example");
    expect(requestHost(new Headers({ host: "a", "x-forwarded-host": "b" }), trusted)).toBe("a");
    expect(normalizeAddress(" ::FFFF:10.0.0.1 ")).toBe("10.0.0.1");
  });
});

describe("same-origin requests", () => {
  const trusted = trustedProxies("10.0.0.1");
  const h = (headers: Record<string, string>) => new Headers({ host: "ferry.example", ...headers });

  it("refuses Sec-Fetch-Site: cross-site with or without an Origin, and a foreign Origin", () => {
    expect(isSameOriginRequest(h({ "sec-fetch-site": "cross-site" }), trusted)).toBe(false);
    expect(isSameOriginRequest(h({ "sec-fetch-site": "cross-site", origin: "http://ferry.example" }), trusted)).toBe(
      false,
    );
    expect(isSameOriginRequest(h({ origin: "https://evil.example" }), trusted)).toBe(false);
    expect(isSameOriginRequest(h({ origin: "null" }), trusted)).toBe(false);
    expect(isSameOriginRequest(h({ origin: "http://ferry.example", "sec-fetch-site": "same-origin" }), trusted)).toBe(
      true,
    );
    expect(isSameOriginRequest(h({}), trusted)).toBe(true);
  });

  it("matches the Origin against X-Forwarded-Host only behind a trusted proxy", () => {
    const forged = { origin: "https://evil.example", "x-forwarded-host": "evil.example" };
    expect(isSameOriginRequest(h({ ...forged, "x-ferry-peer": "203.0.113.9" }), trusted)).toBe(false);
    expect(isSameOriginRequest(h({ ...forged, "x-ferry-peer": "10.0.0.1" }), trusted)).toBe(true);
  });
});
