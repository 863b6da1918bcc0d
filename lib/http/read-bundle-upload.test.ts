import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as preview } from "@/app/api/v1/projects/import/preview/route";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { actorFor } from "@/test/actors";
import { readBundleUpload } from "./read-bundle-upload";

// Uploads are counted while they stream: past FERRY_MAX_BUNDLE_MB the read stops with
// PAYLOAD_TOO_LARGE, whatever the Content-Length says (missing, or a lie) — the server never
// holds more than the limit. The sources below count how much was pulled from them.

const LIMIT = 1024 * 1024;
const CHUNK = 64 * 1024;

/** A body of `total` bytes made on demand; `pulled()` says how many the reader took. */
function lazyBody(total: number, prefix = "") {
  let produced = 0;
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (first && prefix) {
        first = false;
        controller.enqueue(new TextEncoder().encode(prefix));
        return;
      }
      if (produced >= total) return controller.close();
      produced += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
    },
  });
  return { stream, pulled: () => produced };
}

function upload(body: ReadableStream<Uint8Array>, headers: Record<string, string>): Request {
  return new Request("http://ferry.test/api/v1/projects/import/preview", {
    method: "POST",
    headers,
    body,
    duplex: "half",
  } as RequestInit);
}

beforeEach(() => {
  process.env.FERRY_MAX_BUNDLE_MB = "1";
});
afterEach(() => {
  delete process.env.FERRY_MAX_BUNDLE_MB;
});

describe("streamed upload limits", () => {
  it("cuts off a raw body without a Content-Length once it passes the limit", async () => {
    const body = lazyBody(50 * LIMIT);
    await expect(readBundleUpload(upload(body.stream, { "content-type": "application/json" }))).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      status: 413,
    });
    expect(body.pulled()).toBeLessThanOrEqual(LIMIT + 2 * CHUNK);
  });

  it("counts bytes, not the declared length", async () => {
    const body = lazyBody(50 * LIMIT);
    await expect(
      readBundleUpload(upload(body.stream, { "content-type": "application/json", "content-length": "100" })),
    ).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(body.pulled()).toBeLessThanOrEqual(LIMIT + 2 * CHUNK);
  });

  it("refuses a declared length over the limit before reading anything", async () => {
    const body = lazyBody(50 * LIMIT);
    await expect(
      readBundleUpload(
        upload(body.stream, { "content-type": "application/json", "content-length": String(50 * LIMIT) }),
      ),
    ).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    // A stream reads one chunk ahead on its own; nothing beyond that was asked for.
    expect(body.pulled()).toBeLessThanOrEqual(CHUNK);
  });

  it("cuts off a multipart file part the same way", async () => {
    const boundary = "ferryboundary";
    const prefix = `--${boundary}\r\ncontent-disposition: form-data; name="bundle"; filename="big.json"\r\ncontent-type: application/json\r\n\r\n`;
    const body = lazyBody(50 * LIMIT, prefix);
    await expect(
      readBundleUpload(upload(body.stream, { "content-type": `multipart/form-data; boundary=${boundary}` })),
    ).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(body.pulled()).toBeLessThanOrEqual(LIMIT + 4 * CHUNK);
  });

  it("answers 413 in the error shape through the route", async () => {
    const token = (
      await createAccessToken({ userId: (await actorFor("admin@acme.test")).userId, name: "upload limit" })
    ).token;
    const body = lazyBody(50 * LIMIT);
    const response = await preview(
      upload(body.stream, { authorization: `Bearer ${token}`, "content-type": "application/json" }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      error: {
        code: "PAYLOAD_TOO_LARGE",
        message: expect.stringContaining("FERRY_MAX_BUNDLE_MB"),
        details: { limit: LIMIT },
      },
    });
    expect(body.pulled()).toBeLessThanOrEqual(LIMIT + 2 * CHUNK);
  });
});
