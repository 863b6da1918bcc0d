// PostgreSQL's text of a jsonb value, turned into the bytes the canonical form writes for it —
// exactly `JSON.stringify(JSON.parse(text), null, 2)`, indented for its place in the bundle —
// in one pass over the bytes, without building objects or strings (pure; no database).
//
// Why it is exact: jsonb prints keys in the canonical order already (see compareJsonKeys), strings
// with the escapes JSON.stringify uses (\" \\ \b \f \n \r \t, \u00xx in lower case for the other
// control characters, everything else as UTF-8), and no whitespace but ", " and ": ". Two things
// differ, and are handled: numbers (PostgreSQL prints a numeric as stored, e.g. 0.00000015 or 1.50;
// JSON.stringify prints 1.5e-7 and 1.5), and objects with array-index keys ("0", "42"), which a
// JavaScript object enumerates first — those values return false, for the caller to take the
// generic path.

const SPACE = 0x20;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const NEWLINE = 0x0a;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const MINUS = 0x2d;

/** A growable byte buffer outside the JavaScript heap. */
export class ByteSink {
  buf: Buffer;
  pos = 0;

  constructor(size = 64 * 1024) {
    this.buf = Buffer.allocUnsafe(size);
  }

  reserve(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + bytes));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }

  writeString(text: string): void {
    this.reserve(text.length * 3);
    this.pos += this.buf.write(text, this.pos, "utf8");
  }

  writeBytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** What was written, as a view (valid until the next write). */
  view(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

const isDelimiter = (b: number) =>
  b === COMMA || b === CLOSE_BRACE || b === CLOSE_BRACKET || b === SPACE || b === COLON || b === NEWLINE;

/** "0", "1" … "4294967294": keys a JavaScript object enumerates first, in numeric order. */
function isArrayIndexKey(input: Uint8Array, start: number, end: number): boolean {
  const length = end - start;
  if (length < 1 || length > 10) return false;
  if (input[start] === DIGIT_0) return length === 1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const b = input[i]!;
    if (b < DIGIT_0 || b > DIGIT_9) return false;
    value = value * 10 + (b - DIGIT_0);
  }
  return value <= 4_294_967_294;
}

function lineBreak(buf: Buffer, pos: number, width: number): number {
  buf[pos++] = NEWLINE;
  for (let k = 0; k < width; k++) buf[pos++] = SPACE;
  return pos;
}

function grow(out: ByteSink, pos: number, bytes: number): [Buffer, number] {
  out.pos = pos;
  out.reserve(bytes);
  return [out.buf, pos];
}

/**
 * Writes the canonical text of the jsonb value in `input[start, end)` to `out`, its nested lines
 * indented by `indent` spaces plus two per level. Returns false, with `out` as it was, when the
 * value holds an object with an array-index key (write it by the generic path instead).
 */
export function writeJsonbText(input: Buffer, start: number, end: number, indent: number, out: ByteSink): boolean {
  const begin = out.pos;
  // Invariant: the buffer has room for twice the input still to read. Between line breaks no input
  // byte writes more than two, and line breaks and reformatted numbers reserve to keep it.
  out.reserve(2 * (end - start));
  let buf = out.buf;
  let pos = out.pos;
  let depth = 0;
  // Per open container: 1 for an object, 0 for an array.
  let kinds = new Uint8Array(64);
  let expectKey = false;
  let i = start;

  while (i < end) {
    const b = input[i]!;
    if (b === QUOTE) {
      // The closing quote: the first one not escaped (preceded by an even run of backslashes).
      let j = i;
      for (;;) {
        j = input.indexOf(QUOTE, j + 1);
        if (j < 0 || j >= end) throw new Error("Unterminated string in jsonb text.");
        let k = j - 1;
        while (input[k] === BACKSLASH) k--;
        if ((j - 1 - k) % 2 === 0) break;
      }
      if (expectKey) {
        if (isArrayIndexKey(input, i + 1, j)) {
          out.pos = begin;
          return false;
        }
        expectKey = false;
      }
      if (j - i < 24) for (let k = i; k <= j; k++) buf[pos++] = input[k]!;
      else {
        pos += input.copy(buf, pos, i, j + 1);
      }
      i = j + 1;
    } else if (b === COMMA) {
      buf[pos++] = COMMA;
      i++;
      if (pos + indent + 2 * depth + 1 + 2 * (end - i) > buf.length)
        [buf, pos] = grow(out, pos, indent + 2 * depth + 1 + 2 * (end - i));
      pos = lineBreak(buf, pos, indent + 2 * depth);
      expectKey = kinds[depth] === 1;
    } else if (b === COLON) {
      buf[pos++] = COLON;
      buf[pos++] = SPACE;
      i++;
    } else if (b === SPACE) {
      i++;
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      const close = b === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
      let j = i + 1;
      while (input[j] === SPACE) j++;
      buf[pos++] = b;
      if (input[j] === close) {
        buf[pos++] = close;
        i = j + 1;
        continue;
      }
      depth++;
      if (depth >= kinds.length) {
        const grown = new Uint8Array(kinds.length * 2);
        grown.set(kinds);
        kinds = grown;
      }
      kinds[depth] = b === OPEN_BRACE ? 1 : 0;
      expectKey = b === OPEN_BRACE;
      i++;
      if (pos + indent + 2 * depth + 1 + 2 * (end - i) > buf.length)
        [buf, pos] = grow(out, pos, indent + 2 * depth + 1 + 2 * (end - i));
      pos = lineBreak(buf, pos, indent + 2 * depth);
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      depth--;
      if (pos + indent + 2 * depth + 2 + 2 * (end - i) > buf.length)
        [buf, pos] = grow(out, pos, indent + 2 * depth + 2 + 2 * (end - i));
      pos = lineBreak(buf, pos, indent + 2 * depth);
      buf[pos++] = b;
      i++;
    } else {
      // A number or true / false / null: up to the next delimiter.
      let j = i + 1;
      while (j < end && !isDelimiter(input[j]!)) j++;
      if (b === MINUS || (b >= DIGIT_0 && b <= DIGIT_9)) {
        let plainInteger = j - i <= 15;
        for (let k = i + 1; plainInteger && k < j; k++) plainInteger = input[k]! >= DIGIT_0 && input[k]! <= DIGIT_9;
        if (!plainInteger) {
          // As JSON.parse and JSON.stringify would write it (1.5e-7, 1e+21, 1.5 for 1.50, null past 1e308).
          const text = JSON.stringify(Number(input.toString("latin1", i, j)));
          [buf, pos] = grow(out, pos, text.length + 2 * (end - j));
          for (let k = 0; k < text.length; k++) buf[pos++] = text.charCodeAt(k);
          i = j;
          continue;
        }
      }
      for (let k = i; k < j; k++) buf[pos++] = input[k]!;
      i = j;
    }
  }
  out.pos = pos;
  return true;
}

/**
 * A jsonb value's text written as `writeJsonbText` does, or, for a value it leaves to the generic
 * path (array-index keys) or that `generic` picks, parsed, passed through `canonical` and
 * stringified the same way.
 */
export function writeJsonbValue(
  input: Buffer,
  indent: number,
  out: ByteSink,
  options: { canonical?: (value: unknown) => unknown; generic?: boolean } = {},
): void {
  if (!options.generic && writeJsonbText(input, 0, input.length, indent, out)) return;
  const value = JSON.parse(input.toString("utf8")) as unknown;
  const text = JSON.stringify(options.canonical ? options.canonical(value) : value, null, 2);
  out.writeString(text.replaceAll("\n", `\n${" ".repeat(indent)}`));
}
