import "server-only";
import os from "node:os";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import Busboy from "busboy";
import type { ByteSource } from "@/lib/bundle/byte-source";
import { tooLarge } from "@/lib/bundle/parse-bundle";
import { maxBundleBytes } from "@/lib/config/limits";
import { AppError } from "@/lib/errors";
import { SpoolFile } from "./spool-file";

export interface BundleUpload {
  /** The `options` form field, parsed (multipart only). */
  options: unknown;
  /** The bundle's bytes, read from the spooled file by range (valid inside `use`). */
  source(): ByteSource;
  /**
   * Runs the request's work with the upload, then removes the spooled file whatever happened.
   * Validated snapshots read their bytes from the file, so everything that imports runs inside.
   */
  use<T>(work: () => Promise<T>): Promise<T>;
}

function upload(spool: SpoolFile, options: unknown): BundleUpload {
  return { options, source: () => spool.source(), use: (work) => spool.use(work) };
}

/**
 * Reads an uploaded bundle — multipart (`bundle` file + `options` JSON field) or a raw JSON body —
 * into a temporary file, counting bytes as they arrive: past the limit the upload is cut off with
 * PAYLOAD_TOO_LARGE instead of being read to the end. The file is removed on every failure here,
 * and by `use` once the request's work is done: memory never holds the upload whole.
 */
export async function readBundleUpload(request: Request, spoolDirectory = os.tmpdir()): Promise<BundleUpload> {
  const limit = maxBundleBytes();
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit + 64 * 1024) throw tooLarge(declared, limit);
  if (!request.body) throw new AppError("INVALID_JSON", "The request has no body: send the bundle file.");
  const type = request.headers.get("content-type") ?? "";
  const spool = SpoolFile.create(spoolDirectory);
  if (type.startsWith("multipart/form-data")) return readMultipart(request, type, limit, spool);
  try {
    await spoolLimited(request.body, limit, spool);
  } catch (error) {
    await spool.dispose();
    throw error;
  }
  return upload(spool, undefined);
}

/** The client stopped sending mid-upload (or sent a body that cannot be read): the request's fault. */
const interrupted = () => new AppError("INVALID_OPTIONS", "The upload was interrupted.");

async function spoolLimited(body: ReadableStream<Uint8Array>, limit: number, spool: SpoolFile): Promise<void> {
  const reader = body.getReader();
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw interrupted();
    }
    const { done, value } = chunk;
    if (done) break;
    if (spool.size + value.byteLength > limit) {
      await reader.cancel();
      throw tooLarge(null, limit);
    }
    try {
      await spool.write(value);
    } catch (error) {
      // Nothing more is read: the rest of the body is not the server's to store.
      await reader.cancel().catch(() => {});
      throw error;
    }
  }
}

function readMultipart(request: Request, contentType: string, limit: number, spool: SpoolFile): Promise<BundleUpload> {
  return new Promise((resolve, reject) => {
    // The file is gone before the caller hears of the failure.
    // An AppError is the request's fault; anything else (the disk) is the server's, answered 500.
    const settle = (error: unknown) => void spool.dispose().finally(() => reject(error));
    let parser: ReturnType<typeof Busboy>;
    try {
      parser = Busboy({
        headers: { "content-type": contentType },
        limits: { files: 1, fileSize: limit, fields: 5, fieldSize: 1024 * 1024 },
      });
    } catch {
      settle(new AppError("INVALID_OPTIONS", "The multipart body is malformed."));
      return;
    }
    let sawFile = false;
    let optionsText: string | undefined;
    let failed = false;
    let written: Promise<void> = Promise.resolve();
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      source.unpipe(parser);
      source.destroy();
      settle(error);
    };
    parser.on("file", (name, file) => {
      if (name !== "bundle") {
        file.resume();
        return;
      }
      sawFile = true;
      file.on("data", (chunk: Buffer) => {
        // One write at a time: the paused part holds busboy back, and busboy the request body.
        file.pause();
        written = spool.write(chunk).then(
          () => void file.resume(),
          (error: unknown) => fail(error),
        );
      });
      file.on("limit", () => fail(tooLarge(null, limit)));
      // A body that ends mid-part fails the part too: unhandled, that error would end the process.
      file.on("error", () => fail(interrupted()));
    });
    parser.on("field", (name, value) => {
      if (name === "options") optionsText = value;
    });
    parser.on("error", () => fail(new AppError("INVALID_OPTIONS", "The multipart body is malformed.")));
    parser.on("close", () => {
      void written.then(() => {
        if (failed) return;
        if (!sawFile)
          return settle(new AppError("INVALID_OPTIONS", "Send the bundle as the multipart file field `bundle`."));
        let options: unknown = undefined;
        if (optionsText !== undefined) {
          try {
            options = JSON.parse(optionsText) as unknown;
          } catch {
            return settle(new AppError("INVALID_OPTIONS", "The `options` field is not valid JSON."));
          }
        }
        // Settled: a late error of the request body must not remove the file under the import.
        failed = true;
        resolve(upload(spool, options));
      });
    });
    let source: Readable;
    try {
      source = Readable.fromWeb(request.body as unknown as NodeWebReadableStream<Uint8Array>);
    } catch {
      settle(new AppError("INVALID_OPTIONS", "The upload could not be read."));
      return;
    }
    source.on("error", () => fail(interrupted()));
    source.pipe(parser);
  });
}
