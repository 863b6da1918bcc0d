// Splits a bundle's bytes into its head (everything but the models) and one slice per model,
// without decoding the whole file into one string: a 100 MB upload is then parsed model by model,
// and memory holds the bytes plus the parsed objects, never a third copy as a 100 MB string.
// Anything irregular returns null, and the caller falls back to a plain JSON.parse, which reports
// syntax errors precisely.

export interface BundleSlices {
  /** The bundle's bytes with the models array emptied (`"models": []`). */
  head: Uint8Array;
  models: Uint8Array[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MODELS = new TextEncoder().encode('"models"');

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function skipSpace(b: Uint8Array, i: number): number {
  while (isSpace(b[i])) i++;
  return i;
}

/** Index just past the string starting at i (which holds a quote), or -1. */
function skipString(b: Uint8Array, i: number): number {
  let j = i + 1;
  for (;;) {
    const quote = b.indexOf(QUOTE, j);
    if (quote < 0) return -1;
    let backslashes = 0;
    for (let k = quote - 1; k > i && b[k] === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    j = quote + 1;
  }
}

/** Index just past the value starting at i, or -1. */
function skipValue(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c === QUOTE) return skipString(b, i);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    for (let j = i; j < b.length; j++) {
      const d = b[j];
      if (d === QUOTE) {
        j = skipString(b, j);
        if (j < 0) return -1;
        j--;
      } else if (d === 0x7b || d === 0x5b) depth++;
      else if (d === 0x7d || d === 0x5d) {
        if (--depth === 0) return j + 1;
      }
    }
    return -1;
  }
  let j = i;
  while (j < b.length && !isSpace(b[j]) && b[j] !== 0x2c && b[j] !== 0x7d && b[j] !== 0x5d) j++;
  return j > i ? j : -1;
}

function startsWith(b: Uint8Array, i: number, prefix: Uint8Array): boolean {
  if (i + prefix.length > b.length) return false;
  for (let k = 0; k < prefix.length; k++) if (b[i + k] !== prefix[k]) return false;
  return true;
}

export function splitBundleBytes(b: Uint8Array): BundleSlices | null {
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  i = skipSpace(b, i);
  if (b[i] !== 0x7b) return null;
  i = skipSpace(b, i + 1);
  let modelsRange: [number, number] | null = null;
  const models: Uint8Array[] = [];
  if (b[i] === 0x7d) return null;
  for (;;) {
    if (b[i] !== QUOTE) return null;
    const keyEnd = skipString(b, i);
    if (keyEnd < 0) return null;
    const isModels = keyEnd - i === MODELS.length && startsWith(b, i, MODELS);
    i = skipSpace(b, keyEnd);
    if (b[i] !== 0x3a) return null;
    i = skipSpace(b, i + 1);
    if (isModels) {
      if (modelsRange || b[i] !== 0x5b) return null;
      const start = i;
      i = skipSpace(b, i + 1);
      if (b[i] !== 0x5d) {
        for (;;) {
          const end = skipValue(b, i);
          if (end < 0) return null;
          models.push(b.subarray(i, end));
          i = skipSpace(b, end);
          if (b[i] === 0x2c) i = skipSpace(b, i + 1);
          else if (b[i] === 0x5d) break;
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
    if (b[i] === 0x2c) i = skipSpace(b, i + 1);
    else if (b[i] === 0x7d) break;
    else return null;
  }
  if (skipSpace(b, i + 1) !== b.length || !modelsRange) return null;
  const head = new Uint8Array(modelsRange[0] + 2 + (b.length - modelsRange[1]));
  head.set(b.subarray(0, modelsRange[0]), 0);
  head[modelsRange[0]] = 0x5b;
  head[modelsRange[0] + 1] = 0x5d;
  head.set(b.subarray(modelsRange[1]), modelsRange[0] + 2);
  return { head, models };
}

const keyDecoder = new TextDecoder("utf-8", { fatal: true });

/**
 * The members of the object in `b` (a slice holding exactly one object), keyed as JSON.parse would
 * key them (escapes decoded, the last duplicate wins), or null when `b` is not a plain object.
 */
export function objectMembers(b: Uint8Array): Map<string, Uint8Array> | null {
  let i = skipSpace(b, 0);
  if (b[i] !== 0x7b) return null;
  i = skipSpace(b, i + 1);
  const members = new Map<string, Uint8Array>();
  if (b[i] === 0x7d) return skipSpace(b, i + 1) === b.length ? members : null;
  for (;;) {
    if (b[i] !== QUOTE) return null;
    const keyEnd = skipString(b, i);
    if (keyEnd < 0) return null;
    let key: string;
    try {
      key = JSON.parse(keyDecoder.decode(b.subarray(i, keyEnd))) as string;
    } catch {
      return null;
    }
    i = skipSpace(b, keyEnd);
    if (b[i] !== 0x3a) return null;
    i = skipSpace(b, i + 1);
    const end = skipValue(b, i);
    if (end < 0) return null;
    members.set(key, b.subarray(i, end));
    i = skipSpace(b, end);
    if (b[i] === 0x2c) i = skipSpace(b, i + 1);
    else if (b[i] === 0x7d) return skipSpace(b, i + 1) === b.length ? members : null;
    else return null;
  }
}

/** The elements of the array in `b` (a slice holding exactly one array), or null. */
export function arrayElements(b: Uint8Array): Uint8Array[] | null {
  let i = skipSpace(b, 0);
  if (b[i] !== 0x5b) return null;
  i = skipSpace(b, i + 1);
  const elements: Uint8Array[] = [];
  if (b[i] === 0x5d) return skipSpace(b, i + 1) === b.length ? elements : null;
  for (;;) {
    const end = skipValue(b, i);
    if (end < 0) return null;
    elements.push(b.subarray(i, end));
    i = skipSpace(b, end);
    if (b[i] === 0x2c) i = skipSpace(b, i + 1);
    else if (b[i] === 0x5d) return skipSpace(b, i + 1) === b.length ? elements : null;
    else return null;
  }
}

/** The bytes of each `versions[k].snapshot` of one model slice, in order, or null. */
export function versionSnapshotSlices(model: Uint8Array): Uint8Array[] | null {
  const versions = objectMembers(model)?.get("versions");
  const elements = versions ? arrayElements(versions) : null;
  if (!elements) return null;
  const snapshots: Uint8Array[] = [];
  for (const element of elements) {
    const snapshot = objectMembers(element)?.get("snapshot");
    if (!snapshot) return null;
    snapshots.push(snapshot);
  }
  return snapshots;
}
