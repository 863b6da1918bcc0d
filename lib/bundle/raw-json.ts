// A validated JSON value kept as the bytes it arrived in and parsed only when needed. Import keeps
// each version snapshot of an uploaded bundle this way: the upload's bytes are held anyway, so a
// 100 MB project costs memory once, not once as bytes and again as objects — and COPY writes the
// snapshot's own text without re-serialising it.

const decoder = new TextDecoder("utf-8", { fatal: true });

export class RawJson {
  /** `joins`: the join targets (model slugs) found when the value was validated. */
  constructor(
    readonly bytes: Uint8Array,
    readonly joins: string[],
  ) {}

  text(): string {
    return decoder.decode(this.bytes);
  }

  value<T>(): T {
    return JSON.parse(this.text()) as T;
  }
}
