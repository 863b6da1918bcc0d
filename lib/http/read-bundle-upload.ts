import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import Busboy from "busboy";
import { tooLarge } from "@/lib/bundle/parse-bundle";
import { maxBundleBytes } from "@/lib/config/limits";
import { AppError } from "@/lib/errors";

export interface BundleUpload {
  /**
   * Hands the bytes over once: the importer then holds the only reference, so a 100 MB upload can
   * be freed as soon as it is parsed instead of living as long as the request handler.
   */
  take(): Uint8Array;
  /** The `options` form field, parsed (multipart only). */
  options: unknown;
}

function upload(bytes: Uint8Array, options: unknown): BundleUpload {
  let held: Uint8Array | null = bytes;
  return {
    options,
    take() {
      if (!held) throw new Error("The upload was already taken.");
      const taken = held;
      held = null;
      return taken;
    },
  };
}

/** Collects chunks into one buffer, sized from Content-Length when known (no second full copy). */
class ByteSink {
  private buffer: Buffer;
  size = 0;
  constructor(expected: number) {
    this.buffer = Buffer.allocUnsafe(Math.max(expected, 64 * 1024));
  }
  push(chunk: Uint8Array): void {
    if (this.size + chunk.byteLength > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.size + chunk.byteLength));
      this.buffer.copy(grown, 0, 0, this.size);
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.size);
    this.size += chunk.byteLength;
  }
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.size);
  }
}

/**
 * Reads an uploaded bundle — multipart (`bundle` file + `options` JSON field) or a raw JSON body —
 * counting bytes as they arrive: past the limit the upload is cut off with PAYLOAD_TOO_LARGE
 * instead of being buffered whole first.
 */
export async function readBundleUpload(request: Request): Promise<BundleUpload> {
  const limit = maxBundleBytes();
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit + 64 * 1024) throw tooLarge(declared, limit);
  if (!request.body) throw new AppError("INVALID_JSON", "The request has no body: send the bundle file.");
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) return readMultipart(request, type, limit, declared);
  return upload(await readLimited(request.body, limit, declared), undefined);
}

async function readLimited(body: ReadableStream<Uint8Array>, limit: number, declared: number): Promise<Uint8Array> {
  const sink = new ByteSink(Math.min(declared, limit));
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (sink.size + value.byteLength > limit) {
      await reader.cancel();
      throw tooLarge(null, limit);
    }
    sink.push(value);
  }
  return sink.bytes();
}

function readMultipart(request: Request, contentType: string, limit: number, declared: number): Promise<BundleUpload> {
  return new Promise((resolve, reject) => {
    let parser: ReturnType<typeof Busboy>;
    try {
      parser = Busboy({
        headers: { "content-type": contentType },
        limits: { files: 1, fileSize: limit, fields: 5, fieldSize: 1024 * 1024 },
      });
    } catch {
      reject(new AppError("INVALID_OPTIONS", "The multipart body is malformed."));
      return;
    }
    const sink = new ByteSink(Math.min(declared, limit));
    let sawFile = false;
    let optionsText: string | undefined;
    let failed = false;
    const fail = (error: AppError) => {
      if (failed) return;
      failed = true;
      source.unpipe(parser);
      source.destroy();
      reject(error);
    };
    parser.on("file", (name, file) => {
      if (name !== "bundle") {
        file.resume();
        return;
      }
      sawFile = true;
      file.on("data", (chunk: Buffer) => sink.push(chunk));
      file.on("limit", () => fail(tooLarge(null, limit)));
    });
    parser.on("field", (name, value) => {
      if (name === "options") optionsText = value;
    });
    parser.on("error", () => fail(new AppError("INVALID_OPTIONS", "The multipart body is malformed.")));
    parser.on("close", () => {
      if (failed) return;
      if (!sawFile)
        return reject(new AppError("INVALID_OPTIONS", "Send the bundle as the multipart file field `bundle`."));
      let options: unknown = undefined;
      if (optionsText !== undefined) {
        try {
          options = JSON.parse(optionsText) as unknown;
        } catch {
          return reject(new AppError("INVALID_OPTIONS", "The `options` field is not valid JSON."));
        }
      }
      resolve(upload(sink.bytes(), options));
    });
    const source = Readable.fromWeb(request.body as unknown as NodeWebReadableStream<Uint8Array>);
    source.on("error", () => fail(new AppError("INVALID_OPTIONS", "The upload was interrupted.")));
    source.pipe(parser);
  });
}
