// Splits a bundle's bytes into its head (everything but the models) and one byte range per model,
// without decoding the whole file into one string: a 100 MB upload is then parsed model by model.
// The bytes come through a ByteSource, so the same scan runs over memory or over a spooled upload
// on disk (read through a window, never whole). Anything irregular returns null, and the caller
// falls back to a plain JSON.parse, which reports syntax errors precisely.

import { ByteSource } from "./byte-source";

/** [start, end) in bytes. */
export type ByteRange = [start: number, end: number];

export interface BundleSlices {
  /** The bundle's bytes with the models array emptied (`"models": []`). */
  head: Uint8Array;
  models: ByteRange[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MODELS = new TextEncoder().encode('"models"');

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
        const d = bytes[k];
        if (d === QUOTE) break;
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

function startsWith(b: ByteSource, i: number, prefix: Uint8Array): boolean {
  if (i + prefix.length > b.length) return false;
  for (let k = 0; k < prefix.length; k++) if (b.at(i + k) !== prefix[k]) return false;
  return true;
}

export function splitBundle(b: ByteSource): BundleSlices | null {
  let i = b.at(0) === 0xef && b.at(1) === 0xbb && b.at(2) === 0xbf ? 3 : 0;
  i = skipSpace(b, i);
  if (b.at(i) !== 0x7b) return null;
  i = skipSpace(b, i + 1);
  let modelsRange: ByteRange | null = null;
  const models: ByteRange[] = [];
  if (b.at(i) === 0x7d) return null;
  for (;;) {
    if (b.at(i) !== QUOTE) return null;
    const keyEnd = skipString(b, i);
    if (keyEnd < 0) return null;
    const isModels = keyEnd - i === MODELS.length && startsWith(b, i, MODELS);
    i = skipSpace(b, keyEnd);
    if (b.at(i) !== 0x3a) return null;
    i = skipSpace(b, i + 1);
    if (isModels) {
      if (modelsRange || b.at(i) !== 0x5b) return null;
      const start = i;
      i = skipSpace(b, i + 1);
      if (b.at(i) !== 0x5d) {
        for (;;) {
          const end = skipValue(b, i);
          if (end < 0) return null;
          models.push([i, end]);
          i = skipSpace(b, end);
          if (b.at(i) === 0x2c) i = skipSpace(b, i + 1);
          else if (b.at(i) === 0x5d) break;
          else return null;
        }
      }
      modelsRange = [start, i + 1];
      i = skipSpace(b, i + 1);
    } else {
      const end = skipValue(b, i);
      if (end < 0) return null;
      i = skipSpace(b, end);
    }
    if (b.at(i) === 0x2c) i = skipSpace(b, i + 1);
    else if (b.at(i) === 0x7d) break;
    else return null;
  }
  if (skipSpace(b, i + 1) !== b.length || !modelsRange) return null;
  const before = b.slice(0, modelsRange[0]);
  const after = b.slice(modelsRange[1], b.length);
  const head = new Uint8Array(before.length + 2 + after.length);
  head.set(before, 0);
  head[before.length] = 0x5b;
  head[before.length + 1] = 0x5d;
  head.set(after, before.length + 2);
  return { head, models };
}

/** Whether only whitespace lies between i and `to`. */
function endsAt(b: ByteSource, i: number, to: number): boolean {
  while (i < to && isSpace(b.at(i))) i++;
  return i === to;
}

const keyDecoder = new TextDecoder("utf-8", { fatal: true });

/**
 * The members of the object in `b` (holding exactly one object), keyed as JSON.parse would key
 * them (escapes decoded, the last duplicate wins), as ranges of `b`; null when not a plain object.
 */
function objectMembers(b: ByteSource, [from, to]: ByteRange): Map<string, ByteRange> | null {
  let i = skipSpace(b, from);
  if (b.at(i) !== 0x7b) return null;
  i = skipSpace(b, i + 1);
  const members = new Map<string, ByteRange>();
  if (b.at(i) === 0x7d) return endsAt(b, i + 1, to) ? members : null;
  for (;;) {
    if (b.at(i) !== QUOTE) return null;
    const keyEnd = skipString(b, i);
    if (keyEnd < 0) return null;
    let key: string;
    try {
      key = JSON.parse(keyDecoder.decode(b.slice(i, keyEnd))) as string;
    } catch {
      return null;
    }
    i = skipSpace(b, keyEnd);
    if (b.at(i) !== 0x3a) return null;
    i = skipSpace(b, i + 1);
    const end = skipValue(b, i);
    if (end < 0 || end > to) return null;
    members.set(key, [i, end]);
    i = skipSpace(b, end);
    if (b.at(i) === 0x2c) i = skipSpace(b, i + 1);
    else if (b.at(i) === 0x7d) return endsAt(b, i + 1, to) ? members : null;
    else return null;
  }
}

/** The elements of the array in range `[from, to)` of `b` (exactly one array), or null. */
function arrayElements(b: ByteSource, [from, to]: ByteRange): ByteRange[] | null {
  let i = skipSpace(b, from);
  if (b.at(i) !== 0x5b) return null;
  i = skipSpace(b, i + 1);
  const elements: ByteRange[] = [];
  if (b.at(i) === 0x5d) return endsAt(b, i + 1, to) ? elements : null;
  for (;;) {
    const end = skipValue(b, i);
    if (end < 0 || end > to) return null;
    elements.push([i, end]);
    i = skipSpace(b, end);
    if (b.at(i) === 0x2c) i = skipSpace(b, i + 1);
    else if (b.at(i) === 0x5d) return endsAt(b, i + 1, to) ? elements : null;
    else return null;
  }
}

/** The range of each `versions[k].snapshot` in one model's bytes, in order, or null. */
export function versionSnapshotRanges(model: Uint8Array): ByteRange[] | null {
  const b = ByteSource.of(model);
  const versions = objectMembers(b, [0, model.length])?.get("versions");
  const elements = versions ? arrayElements(b, versions) : null;
  if (!elements) return null;
  const snapshots: ByteRange[] = [];
  for (const element of elements) {
    const snapshot = objectMembers(b, element)?.get("snapshot");
    if (!snapshot) return null;
    snapshots.push(snapshot);
  }
  return snapshots;
}
