import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { serializeBundle } from "@/lib/bundle/canonical-json";
import { parseBundleBytes, parseBundleSource } from "@/lib/bundle/parse-bundle";
import { RawJson } from "@/lib/bundle/raw-json";
import type { Bundle } from "@/lib/bundle/schema";
import { sampleBundle, withSnapshotValues } from "@/test/bundles";
import { readBundleUpload } from "./read-bundle-upload";
import { SpoolFile } from "./spool-file";

// The upload is spooled to a file of its own (mode 0600) while it is counted, and the file is
// gone on every way out: the limit passed mid-stream, a body cut off, a malformed form, and after
// the request's work — whether that work succeeded or threw.

const LIMIT = 1024 * 1024;
const CHUNK = 64 * 1024;
const BOUNDARY = "ferryboundary";
let directory: string;

beforeEach(() => {
  process.env.FERRY_MAX_BUNDLE_MB = "1";
  directory = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-spool-test-"));
});
afterEach(() => {
  delete process.env.FERRY_MAX_BUNDLE_MB;
  fs.rmSync(directory, { recursive: true, force: true });
});

const spooled = () => fs.readdirSync(directory);

/** A body of the given parts, then `total` bytes of spaces in chunks, then (optionally) a failure. */
function body(options: { prefix?: Uint8Array; total?: number; suffix?: Uint8Array; failAfter?: boolean }) {
  const parts: Uint8Array[] = [];
  if (options.prefix) parts.push(options.prefix);
  for (let n = 0; n < (options.total ?? 0); n += CHUNK) parts.push(new Uint8Array(CHUNK).fill(0x20));
  if (options.suffix) parts.push(options.suffix);
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = parts.shift();
      if (next) {
        pulled += next.byteLength;
        controller.enqueue(next);
      } else if (options.failAfter) controller.error(new Error("the client went away"));
      else controller.close();
    },
  });
  return { stream, pulled: () => pulled };
}

function request(stream: ReadableStream<Uint8Array>, contentType: string): Request {
  return new Request("http://ferry.test/api/v1/projects/import", {
    method: "POST",
    headers: { "content-type": contentType },
    body: stream,
    duplex: "half",
  } as RequestInit);
}

const bytesOf = (text: string) => new TextEncoder().encode(text);
const multipart = `multipart/form-data; boundary=${BOUNDARY}`;
const filePart = bytesOf(
  `--${BOUNDARY}\r\ncontent-disposition: form-data; name="bundle"; filename="b.json"\r\ncontent-type: application/json\r\n\r\n`,
);
const optionsPart = (options: string) =>
  bytesOf(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="options"\r\n\r\n${options}\r\n`);
const closing = bytesOf(`\r\n--${BOUNDARY}--\r\n`);
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

const asText = (raw: RawJson) => new TextDecoder().decode(raw.bytes);
const snapshotsAsText = (bundle: Bundle) => withSnapshotValues(bundle, asText);

describe("spooling an upload to disk", () => {
  it("stops at the limit mid-stream, without reading the rest, and removes the file", async () => {
    const raw = body({ total: 50 * LIMIT });
    await expect(readBundleUpload(request(raw.stream, "application/json"), directory)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      status: 413,
      details: { limit: LIMIT },
    });
    expect(raw.pulled()).toBeLessThanOrEqual(LIMIT + 2 * CHUNK);
    expect(spooled()).toEqual([]);

    const form = body({ prefix: filePart, total: 50 * LIMIT });
    await expect(readBundleUpload(request(form.stream, multipart), directory)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
    expect(form.pulled()).toBeLessThanOrEqual(LIMIT + 4 * CHUNK);
    expect(spooled()).toEqual([]);
  });

  it("removes the file when the body is cut off or the form is malformed", async () => {
    const raw = body({ total: 4 * CHUNK, failAfter: true });
    await expect(readBundleUpload(request(raw.stream, "application/json"), directory)).rejects.toMatchObject({
      code: "INVALID_OPTIONS",
      message: "The upload was interrupted.",
    });
    expect(spooled()).toEqual([]);

    const form = body({ prefix: filePart, total: 4 * CHUNK, failAfter: true });
    await expect(readBundleUpload(request(form.stream, multipart), directory)).rejects.toMatchObject({
      code: "INVALID_OPTIONS",
      message: "The upload was interrupted.",
    });
    expect(spooled()).toEqual([]);

    const truncated = body({ prefix: filePart, total: CHUNK });
    await expect(readBundleUpload(request(truncated.stream, multipart), directory)).rejects.toMatchObject({
      code: "INVALID_OPTIONS",
    });
    expect(spooled()).toEqual([]);

    const badOptions = body({ prefix: concat(optionsPart("{nope"), filePart, bytesOf("{}"), closing) });
    await expect(readBundleUpload(request(badOptions.stream, multipart), directory)).rejects.toMatchObject({
      code: "INVALID_OPTIONS",
      message: "The `options` field is not valid JSON.",
    });
    expect(spooled()).toEqual([]);
  });

  it("cuts off an upload that would take the process past FERRY_UPLOAD_SPOOL_MB, until others are removed", async () => {
    process.env.FERRY_UPLOAD_SPOOL_MB = "0.5"; // 8 chunks
    try {
      const first = await readBundleUpload(request(body({ total: 5 * CHUNK }).stream, "application/json"), directory);
      expect(spooled()).toHaveLength(1);
      for (const [stream, type] of [
        [body({ total: 5 * CHUNK }).stream, "application/json"],
        [body({ prefix: filePart, total: 5 * CHUNK, suffix: closing }).stream, multipart],
      ] as const) {
        await expect(readBundleUpload(request(stream, type), directory)).rejects.toMatchObject({
          code: "UNAVAILABLE",
          status: 503,
        });
        expect(spooled()).toHaveLength(1);
      }
      await first.use(async () => {});
      expect(spooled()).toEqual([]);
      const third = await readBundleUpload(request(body({ total: 5 * CHUNK }).stream, "application/json"), directory);
      await third.use(async () => {});
    } finally {
      delete process.env.FERRY_UPLOAD_SPOOL_MB;
    }
  });

  it("reports a failed write to the disk as the server's error, not the client's, and removes the file", async () => {
    const full = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    const write = vi.spyOn(SpoolFile.prototype, "write").mockRejectedValue(full);
    try {
      const raw = body({ total: 4 * CHUNK });
      await expect(readBundleUpload(request(raw.stream, "application/json"), directory)).rejects.toBe(full);
      expect(spooled()).toEqual([]);
      const form = body({ prefix: filePart, total: 4 * CHUNK, suffix: closing });
      await expect(readBundleUpload(request(form.stream, multipart), directory)).rejects.toBe(full);
      expect(spooled()).toEqual([]);
    } finally {
      write.mockRestore();
    }
  });

  it("parses from the file exactly what the bytes parse to in memory, then removes the file", async () => {
    const bytes = bytesOf(serializeBundle(sampleBundle()));
    for (const [stream, type] of [
      [body({ prefix: bytes }).stream, "application/json"],
      [body({ prefix: concat(optionsPart('{"mode":"create"}'), filePart, bytes, closing) }).stream, multipart],
    ] as const) {
      const upload = await readBundleUpload(request(stream, type), directory);
      const [file] = spooled();
      expect(fs.statSync(path.join(directory, file!)).mode & 0o777).toBe(0o600);
      const fromFile = await upload.use(async () => {
        const parsed = parseBundleSource(upload.source(), LIMIT);
        return { parsed, whole: withSnapshotValues(parsed, asText) };
      });
      // Every field of every model, and each snapshot's exact text.
      expect(fromFile.whole).toEqual(withSnapshotValues(parseBundleBytes(bytes, LIMIT), asText));
      expect(upload.options).toEqual(type === multipart ? { mode: "create" } : undefined);
      expect(spooled()).toEqual([]);
      // Nothing reads a removed upload (its descriptor may belong to another file by now).
      expect(() => snapshotsAsText(fromFile.parsed)).toThrow("already removed");
    }
  });

  it("removes the file whatever happens to it meanwhile, and never throws doing so", async () => {
    const spool = SpoolFile.create(directory);
    await spool.write(bytesOf("{}"));
    // Its descriptor closed and the file gone under it: dispose logs, and resolves.
    fs.closeSync((spool as unknown as { fd: number }).fd);
    fs.rmSync(spool.path);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(spool.dispose()).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
    expect(spooled()).toEqual([]);
  });

  it("removes the file when the work with it fails", async () => {
    const upload = await readBundleUpload(request(body({ prefix: bytesOf("{}") }).stream, "text/plain"), directory);
    expect(spooled()).toHaveLength(1);
    await expect(
      upload.use(async () => {
        throw new Error("the import failed");
      }),
    ).rejects.toThrow("the import failed");
    expect(spooled()).toEqual([]);
  });
});
