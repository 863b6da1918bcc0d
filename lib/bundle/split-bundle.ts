// Splits a bundle's bytes into its head (everything but the models) and one byte range per model,
// without decoding the whole file into one string: a 100 MB upload is then parsed model by model.
// The bytes come through a ByteSource, so the same scan runs over memory or over a spooled upload
// on disk (read through a window, never whole). Anything irregular returns null, and the caller
// falls back to a plain JSON.parse, which reports syntax errors precisely.

import { ByteSource } from "./byte-source";

/** [start, end) in bytes. */
export type ByteRange = [start: number, end: number];

export interface BundleSlices {
  /** The bundle's bytes with `models` and every other top-level array emptied (`[]`). */
  head: Uint8Array;
  models: ByteRange[];
  /**
   * Each model's `versions[k].snapshot` ranges, found in the same pass (keyed as JSON.parse keys
   * them, the last duplicate winning); null for a model not laid out that way.
   */
  snapshots: (ByteRange[] | null)[];
  /**
   * Each model's members other than `versions` (as ranges, in order, repeats included; collected
   * only when asked), and how many versions it has (null when `versions` is not one array): the
   * wizard's first summary is made from these without parsing a single snapshot.
   */
  outlines: { members: [key: string, range: ByteRange][]; versions: number | null }[];
  /**
   * The other top-level arrays (settings, recipes, …), each as ranges of ~1 MB of consecutive
   * elements: a million settings are parsed a batch at a time, never as one string.
   */
  arrays: { key: string; batches: ByteRange[] }[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Bytes of elements parsed together from a split top-level array. */
const BATCH_BYTES = 1024 * 1024;

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function skipSpace(b: ByteSource, i: number): number {
  while (isSpace(b.at(i))) i++;
  return i;
}

/** Index just past the string starting at i (which holds a quote), or -1. */
function skipString(b: ByteSource, i: number): number {
  let j = i + 1;
  for (;;) {
    const quote = b.indexOf(QUOTE, j);
    if (quote < 0) return -1;
    let backslashes = 0;
    for (let k = quote - 1; k > i && b.at(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    j = quote + 1;
  }
}

/** 1 for the bytes skipValue's loop looks at: a quote and the brackets. */
const STRUCTURAL = new Uint8Array(256);
for (const c of [QUOTE, 0x7b, 0x5b, 0x7d, 0x5d]) STRUCTURAL[c] = 1;

/** Index just past the value starting at i, or -1. */
function skipValue(b: ByteSource, i: number): number {
  const c = b.at(i);
  if (c === QUOTE) return skipString(b, i);
  if (c === 0x7b || c === 0x5b) {
    // The loop over every byte of the bundle: it indexes the source's window directly.
    let depth = 0;
    let j = i;
    for (let window = b.windowAt(j); window; window = b.windowAt(j)) {
      const { bytes, offset } = window;
      let k = j - offset;
      for (; k < bytes.length; k++) {
        const d = bytes[k]!;
        if (STRUCTURAL[d] === 0) continue;
        if (d === QUOTE) {
          // Most strings end at the next quote, inside this window: skipped here, without a call.
          let close = k + 1;
          while (close < bytes.length && bytes[close] !== QUOTE) close++;
          if (close === bytes.length || bytes[close - 1] === BACKSLASH) break;
          k = close;
          continue;
        }
        if (d === 0x7b || d === 0x5b) depth++;
        else if ((d === 0x7d || d === 0x5d) && --depth === 0) return offset + k + 1;
      }
      if (k === bytes.length) j = offset + k;
      else if ((j = skipString(b, offset + k)) < 0) return -1;
    }
    return -1;
  }
  let j = i;
  for (; j < b.length; j++) {
    const d = b.at(j);
    if (isSpace(d) || d === 0x2c || d === 0x7d || d === 0x5d) break;
  }
  return j > i ? j : -1;
}

/**
 * The elements of the array starting at `i` (which holds "["): `element` scans each one from its
 * first byte and returns the index just past it (or -1). Returns the index past the array, or -1.
 */
function scanArray(b: ByteSource, i: number, element: (at: number) => number): number {
  i = skipSpace(b, i + 1);
  if (b.at(i) === 0x5d) return i + 1;
  for (;;) {
    const end = element(i);
    if (end < 0) return -1;
    i = skipSpace(b, end);
    if (b.at(i) === 0x2c) i = skipSpace(b, i + 1);
    else if (b.at(i) === 0x5d) return i + 1;
    else return -1;
  }
}

/**
 * The members of the object starting at `i` (which holds "{"): `member` gets each key (decoded as
 * JSON.parse decodes it) and its value's first byte, and returns the index just past the value.
 * Returns the index past the object, or -1.
 */
function scanObject(b: ByteSource, i: number, member: (key: string, at: number) => number): number {
  i = skipSpace(b, i + 1);
  if (b.at(i) === 0x7d) return i + 1;
  for (;;) {
    if (b.at(i) !== QUOTE) return -1;
    const keyEnd = skipString(b, i);
    if (keyEnd < 0) return -1;
    let key: string;
    try {
      key = JSON.parse(keyText(b, i, keyEnd)) as string;
    } catch {
      return -1;
    }
    i = skipSpace(b, keyEnd);
    if (b.at(i) !== 0x3a) return -1;
    const end = member(key, skipSpace(b, i + 1));
    if (end < 0) return -1;
    i = skipSpace(b, end);
    if (b.at(i) === 0x2c) i = skipSpace(b, i + 1);
    else if (b.at(i) === 0x7d) return i + 1;
    else return -1;
  }
}

/** One pass over a model: its end, its versions' snapshot ranges and its outline (see BundleSlices). */
function scanModel(
  b: ByteSource,
  i: number,
  outlining: boolean,
): { end: number; snapshots: ByteRange[] | null; outline: BundleSlices["outlines"][number] } {
  const outline: BundleSlices["outlines"][number] = { members: [], versions: null };
  if (b.at(i) !== 0x7b) return { end: skipValue(b, i), snapshots: null, outline };
  let snapshots: ByteRange[] | null = null;
  const end = scanObject(b, i, (key, at) => {
    if (key !== "versions" || b.at(at) !== 0x5b) {
      if (key === "versions") {
        snapshots = null;
        outline.versions = null;
      }
      const valueEnd = skipValue(b, at);
      if (outlining && key !== "versions") outline.members.push([key, [at, valueEnd]]);
      return valueEnd;
    }
    let found: ByteRange[] | null = [];
    let count = 0;
    const arrayEnd = scanArray(b, at, (element) => {
      count++;
      if (b.at(element) !== 0x7b) {
        found = null;
        return skipValue(b, element);
      }
      let snapshot: ByteRange | null = null;
      const elementEnd = scanObject(b, element, (member, valueAt) => {
        const valueEnd = skipValue(b, valueAt);
        if (member === "snapshot") snapshot = [valueAt, valueEnd];
        return valueEnd;
      });
      if (snapshot && found) found.push(snapshot);
      else found = null;
      return elementEnd;
    });
    snapshots = found;
    outline.versions = count;
    return arrayEnd;
  });
  return { end, snapshots, outline };
}

/**
 * `outlines`: also collect each model's outline (the wizard's early summary; the server does not).
 * `onModel`: told of each model as soon as it is found (the server starts checking it on another
 * thread while the split goes on); a split that ends in null makes those calls moot.
 */
export function splitBundle(
  b: ByteSource,
  options: {
    outlines?: boolean;
    onModel?: (index: number, range: ByteRange, snapshots: ByteRange[] | null) => void;
  } = {},
): BundleSlices | null {
  let i = b.at(0) === 0xef && b.at(1) === 0xbb && b.at(2) === 0xbf ? 3 : 0;
  i = skipSpace(b, i);
  if (b.at(i) !== 0x7b) return null;
  const models: ByteRange[] = [];
  const snapshots: BundleSlices["snapshots"] = [];
  const outlines: BundleSlices["outlines"] = [];
  const arrays: BundleSlices["arrays"] = [];
  /** The ranges of the split arrays, in order: the head is the bytes between them. */
  const emptied: ByteRange[] = [];
  const keys = new Set<string>();
  const end = scanObject(b, i, (key, at) => {
    // A repeated member: JSON.parse keeps the last one; the plain path does that.
    if (keys.has(key)) return -1;
    keys.add(key);
    if (b.at(at) !== 0x5b) return key === "models" ? -1 : skipValue(b, at);
    let arrayEnd: number;
    if (key === "models") {
      arrayEnd = scanArray(b, at, (element) => {
        const model = scanModel(b, element, options.outlines === true);
        models.push([element, model.end]);
        snapshots.push(model.snapshots);
        outlines.push(model.outline);
        if (model.end >= 0) options.onModel?.(models.length - 1, [element, model.end], model.snapshots);
        return model.end;
      });
    } else {
      const batches: ByteRange[] = [];
      let batch: ByteRange | null = null;
      arrayEnd = scanArray(b, at, (from) => {
        const to = skipValue(b, from);
        if (to < 0) return -1;
        if (batch && to - batch[0] <= BATCH_BYTES) batch[1] = to;
        else batches.push((batch = [from, to]));
        return to;
      });
      arrays.push({ key, batches });
    }
    if (arrayEnd >= 0) emptied.push([at, arrayEnd]);
    return arrayEnd;
  });
  if (end < 0 || skipSpace(b, end) !== b.length || !keys.has("models")) return null;
  return { head: headBytes(b, emptied), models, snapshots, outlines, arrays };
}

/** The bundle's bytes with each range in `emptied` replaced by "[]", read a window at a time. */
function headBytes(b: ByteSource, emptied: ByteRange[]): Uint8Array {
  const kept: ByteRange[] = [];
  let from = 0;
  for (const [start, end] of emptied) {
    kept.push([from, start]);
    from = end;
  }
  kept.push([from, b.length]);
  const head = new Uint8Array(kept.reduce((n, [start, end]) => n + end - start, 0) + 2 * emptied.length);
  let at = 0;
  kept.forEach(([start, end], k) => {
    for (let pos = start; pos < end; pos += BATCH_BYTES) {
      const piece = b.slice(pos, Math.min(end, pos + BATCH_BYTES));
      head.set(piece, at);
      at += piece.length;
    }
    if (k < emptied.length) {
      head[at++] = 0x5b;
      head[at++] = 0x5d;
    }
  });
  return head;
}

const keyDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** A key's JSON text, from the window when it lies there (a spooled upload is not read once per key). */
function keyText(b: ByteSource, start: number, end: number): string {
  const window = b.windowAt(start);
  if (window && end - window.offset <= window.bytes.length)
    return keyDecoder.decode(window.bytes.subarray(start - window.offset, end - window.offset));
  return keyDecoder.decode(b.slice(start, end));
}
