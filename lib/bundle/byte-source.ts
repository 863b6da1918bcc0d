// The bytes of a bundle, wherever they are: in memory (the browser, the CLI, MCP) or in a spooled
// upload on disk (the import routes). The splitter scans through a window of `WINDOW` bytes, so a
// file is never read into memory whole; ranges it hands out are read on demand. Pure: the file
// reading is injected, so this module runs in the browser worker too.

const WINDOW = 1024 * 1024;
/** Bytes kept before the requested position when the window moves: a backward look stays cheap. */
const BEHIND = 1024;

/** A validated range's bytes: held, or read again when needed (a file-backed upload). */
export type HeldBytes = Uint8Array | (() => Uint8Array);

export class ByteSource {
  private window: Uint8Array;
  private offset = 0;

  private constructor(
    readonly length: number,
    private readonly read: (start: number, end: number) => Uint8Array,
    private readonly held: (start: number, end: number) => HeldBytes,
    window: Uint8Array,
    private readonly windowSize = WINDOW,
  ) {
    this.window = window;
  }

  static of(bytes: Uint8Array): ByteSource {
    const range = (start: number, end: number) => bytes.subarray(start, end);
    return new ByteSource(bytes.length, range, range, bytes);
  }

  /** `read(start, end)` returns fresh bytes each call (e.g. a positional file read). */
  static reading(length: number, read: (start: number, end: number) => Uint8Array, windowSize = WINDOW): ByteSource {
    return new ByteSource(length, read, (start, end) => () => read(start, end), new Uint8Array(0), windowSize);
  }

  /** The byte at `i`, or undefined past either end (as a Uint8Array index would give). */
  at(i: number): number | undefined {
    const k = i - this.offset;
    if (k >= 0 && k < this.window.length) return this.window[k];
    if (i < 0 || i >= this.length) return undefined;
    this.move(i);
    return this.window[i - this.offset];
  }

  /** The first index ≥ `from` holding `byte`, or -1. */
  indexOf(byte: number, from: number): number {
    let i = Math.max(from, 0);
    while (i < this.length) {
      const k = i - this.offset;
      if (k < 0 || k >= this.window.length) {
        this.move(i);
        continue;
      }
      const found = this.window.indexOf(byte, k);
      if (found >= 0) return found + this.offset;
      i = this.offset + this.window.length;
    }
    return -1;
  }

  /**
   * The window holding `i` (moved there if needed) and its offset, for loops that visit every
   * byte: they index the window directly instead of calling `at` per byte. Null past the end.
   */
  windowAt(i: number): { bytes: Uint8Array; offset: number } | null {
    if (i < 0 || i >= this.length) return null;
    const k = i - this.offset;
    if (k < 0 || k >= this.window.length) this.move(i);
    return { bytes: this.window, offset: this.offset };
  }

  /** The bytes in [start, end): a view into memory, or a fresh read from the file. */
  slice(start: number, end: number): Uint8Array {
    return this.read(start, end);
  }

  /** What a validated value keeps of its range: the view itself, or a way to read it again. */
  hold(start: number, end: number): HeldBytes {
    return this.held(start, end);
  }

  private move(i: number): void {
    const margin = Math.min(BEHIND, this.windowSize >> 1);
    // Forward: a little before `i`, the rest after it. Backward (the splitter counting the
    // backslashes before a quote): `i` near the window's end, so a long run back costs one read
    // per window, not one per `margin` bytes.
    const start = i < this.offset ? Math.max(0, i + 1 + margin - this.windowSize) : Math.max(0, i - margin);
    this.window = this.read(start, Math.min(this.length, start + this.windowSize));
    this.offset = start;
  }
}
