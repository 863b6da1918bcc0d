import { describe, expect, it } from "vitest";
import { tooLarge } from "@/lib/bundle/parse-bundle";
import { tenantParam } from "./search-params";

describe("query parameters", () => {
  const url = (query: string) => new Request(`http://ferry.test/api/v1/projects${query}`);

  it("refuses ?tenant= given twice instead of picking one, on every route", () => {
    expect(tenantParam(url("?tenant=acme"))).toBe("acme");
    expect(tenantParam(url(""))).toBeUndefined();
    expect(() => tenantParam(url("?tenant=acme&tenant=globex"))).toThrow(
      expect.objectContaining({
        code: "INVALID_OPTIONS",
        details: [{ path: "tenant", reason: "given more than once" }],
      }),
    );
  });
});

describe("PAYLOAD_TOO_LARGE", () => {
  it("states a size only when it is known", () => {
    expect(tooLarge(300 * 1024 * 1024, 200 * 1024 * 1024).message).toBe(
      "The bundle is 300.0 MB; the limit is 200.0 MB (FERRY_MAX_BUNDLE_MB).",
    );
    const streamed = tooLarge(null, 200 * 1024 * 1024);
    expect(streamed.message).toBe("The bundle is larger than the limit of 200.0 MB (FERRY_MAX_BUNDLE_MB).");
    expect(streamed.details).toEqual({ limit: 200 * 1024 * 1024 });
  });
});
