import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ByteSource } from "@/lib/bundle/byte-source";
import { uploadSpoolBytes } from "@/lib/config/limits";
import { AppError } from "@/lib/errors";
import { SPOOL_PREFIX } from "./spool-sweep";

/**
 * A temporary file an upload is written to as it arrives (owner-only, mode 0600), then read back
 * by range while the bundle is parsed and imported, and removed by `dispose` on every way out.
 */
/** Bytes held in this process's spooled files (written or being written, not yet removed). */
let spooled = 0;

const busy = () =>
  new AppError(
    "UNAVAILABLE",
    "The server is receiving too many uploads at once (FERRY_UPLOAD_SPOOL_MB). Try again in a minute.",
  );

export class SpoolFile {
  size = 0;
  /** What this file counts against the process's budget until it is removed. */
  private counted = 0;
  private fd: number | null;
  private writing: Promise<void> = Promise.resolve();
  private disposed: Promise<void> | null = null;

  private constructor(
    readonly path: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  static create(directory = os.tmpdir()): SpoolFile {
    const file = path.join(directory, `${SPOOL_PREFIX}${randomBytes(12).toString("hex")}.json`);
    return new SpoolFile(file, fs.openSync(file, "wx+", 0o600));
  }

  /** Appends a chunk; callers wait for one write before the next (the stream's backpressure). */
  write(chunk: Uint8Array): Promise<void> {
    // Counted before it is written: every upload in flight together stays within the budget.
    if (spooled + chunk.byteLength > uploadSpoolBytes()) return Promise.reject(busy());
    spooled += chunk.byteLength;
    this.counted += chunk.byteLength;
    const at = this.size;
    this.size += chunk.byteLength;
    this.writing = this.writing.then(() => writeAll(this.open(), chunk, at));
    return this.writing;
  }

  /** The written bytes, read by range from the file; valid until `dispose`. */
  source(): ByteSource {
    return ByteSource.reading(this.size, (start, end) => {
      const buffer = Buffer.allocUnsafe(end - start);
      for (let done = 0; done < buffer.length;) {
        const n = fs.readSync(this.open(), buffer, done, buffer.length - done, start + done);
        if (n === 0) throw new Error(`The spooled upload ended at ${start + done} of ${this.size} bytes.`);
        done += n;
      }
      return buffer;
    });
  }

  /**
   * Closes and removes the file, after any write in flight (its descriptor must not be reused
   * under it). Resolves whatever happens; a failure is logged.
   */
  dispose(): Promise<void> {
    this.disposed ??= this.writing
      .catch(() => {})
      .then(() => {
        spooled -= this.counted;
        this.counted = 0;
        const fd = this.fd;
        this.fd = null;
        // Never throws: a failed clean-up must not replace the request's answer or its error.
        try {
          if (fd !== null) fs.closeSync(fd);
        } catch (error) {
          console.error(`[ferry] could not close the spooled upload ${this.path}:`, error);
        }
        try {
          fs.rmSync(this.path, { force: true });
        } catch (error) {
          console.error(`[ferry] could not remove the spooled upload ${this.path}:`, error);
        }
      });
    return this.disposed;
  }

  /** Runs `work`, then disposes of the file whatever happened. */
  async use<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      await this.dispose();
    }
  }

  private open(): number {
    // A closed descriptor's number can be reused by another file: never read or write through it.
    if (this.fd === null) throw new Error("The spooled upload was already removed.");
    return this.fd;
  }
}

async function writeAll(fd: number, chunk: Uint8Array, at: number): Promise<void> {
  for (let done = 0; done < chunk.byteLength;) {
    done += await new Promise<number>((resolve, reject) =>
      fs.write(fd, chunk, done, chunk.byteLength - done, at + done, (error, n) => (error ? reject(error) : resolve(n))),
    );
  }
}
