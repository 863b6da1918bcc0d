// A validated JSON value kept as the bytes it arrived in and parsed only when needed. Import keeps
// each version snapshot of an uploaded bundle this way: a 100 MB project costs memory once, not
// once as bytes and again as objects — and COPY writes the snapshot's own text without
// re-serialising it. A spooled upload's snapshots hold only a way to read their range of the file
// again, so the validated project does not hold the upload's bytes at all.

import type { HeldBytes } from "./byte-source";

const decoder = new TextDecoder("utf-8", { fatal: true });

export class RawJson {
  /**
   * `joins`: the join targets (model slugs) found when the value was validated. `digest`: the
   * bytes' SHA-256 when it was taken while they were in memory (a spooled upload's plan token then
   * does not read the file again).
   */
  constructor(
    private readonly held: HeldBytes,
    readonly joins: string[],
    readonly digest?: Uint8Array,
  ) {}

  get bytes(): Uint8Array {
    return typeof this.held === "function" ? this.held() : this.held;
  }

  text(): string {
    return decoder.decode(this.bytes);
  }

  value<T>(): T {
    return JSON.parse(this.text()) as T;
  }
}
