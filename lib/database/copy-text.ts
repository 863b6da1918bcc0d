import { RawJson } from "@/lib/bundle/raw-json";
import type { ColumnType } from "./tables/define-table";

// COPY text format, pure: backslash, newline, carriage return and tab are escaped; NULL is \N.
const TEXT_SPECIAL = /[\\\n\r\t]/;
const TEXT_ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

const TAB = 0x09;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** A field as COPY text; RawJson values are written from their bytes by CopyLines. */
export function copyField(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return "\\N";
  const text = type === "jsonb" ? JSON.stringify(value) : String(value);
  return TEXT_SPECIAL.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => TEXT_ESCAPES[c]!) : text;
}

/**
 * Writes validated JSON bytes into `out` at `at` as one COPY text field: the whitespace between
 * tokens dropped (jsonb does not keep it, and the bundle's indentation is a third of its size) and
 * the backslashes inside strings doubled — the only COPY special character valid JSON holds there.
 * `out` needs room for twice the input. Returns the index past what was written.
 */
export function copyJsonBytes(json: Uint8Array, out: Uint8Array, at: number): number {
  let inString = false;
  let escaped = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i]!;
    if (inString) {
      if (c === BACKSLASH) {
        out[at++] = BACKSLASH;
        escaped = !escaped;
      } else {
        if (c === QUOTE && !escaped) inString = false;
        escaped = false;
      }
      out[at++] = c;
    } else if (c !== SPACE && c !== NEWLINE && c !== CARRIAGE_RETURN && c !== TAB) {
      if (c === QUOTE) inString = true;
      out[at++] = c;
    }
  }
  return at;
}

/**
 * COPY text lines built as bytes, a chunk at a time: strings are encoded once, and a RawJson value
 * is copied from its bytes (copyJsonBytes), never decoded into a string and encoded again.
 */
export class CopyLines {
  private buffer: Buffer;
  private length = 0;

  constructor(private readonly chunkBytes = 1024 * 1024) {
    this.buffer = Buffer.allocUnsafe(chunkBytes);
  }

  get byteLength(): number {
    return this.length;
  }

  /** One line: tab-separated fields, newline-terminated. */
  line(values: readonly unknown[], types: readonly ColumnType[]): void {
    for (let k = 0; k < values.length; k++) {
      if (k > 0) this.byte(TAB);
      const value = values[k];
      if (value instanceof RawJson) {
        const bytes = value.bytes;
        this.reserve(bytes.length * 2);
        this.length = copyJsonBytes(bytes, this.buffer, this.length);
      } else {
        const text = copyField(value, types[k]!);
        this.reserve(text.length * 3);
        this.length += this.buffer.write(text, this.length, "utf8");
      }
    }
    this.byte(NEWLINE);
  }

  /** The lines so far; the next ones go into a fresh buffer (the stream keeps this one). */
  take(): Buffer {
    const lines = this.buffer.subarray(0, this.length);
    this.buffer = Buffer.allocUnsafe(this.chunkBytes);
    this.length = 0;
    return lines;
  }

  private byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}

/** One COPY line as text (tab-separated fields, newline-terminated). */
export function copyLine(fields: readonly { value: unknown; type: ColumnType }[]): string {
  const lines = new CopyLines(64);
  lines.line(
    fields.map((f) => f.value),
    fields.map((f) => f.type),
  );
  return lines.take().toString("utf8");
}
