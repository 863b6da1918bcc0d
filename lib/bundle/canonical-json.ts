import { ByteSink, writeJsonbValue } from "./jsonb-text";
import { SECTIONS } from "./sections";
import { canonicalModel, type BundleModel } from "./sections/models";
import type { Bundle } from "./schema";

export { compareJsonKeys, compareKeys, sortKeysDeep } from "./json-order";
export { canonicalModel };

// Canonical serialisation: fixed key order for the bundle's structure, a fixed key order inside
// free-form JSON (configs, snapshots, definitions, setting values), arrays of entities ordered by
// natural key or version number, 2-space indentation, trailing newline. Same state → same bytes.
// Models come last so a reader can summarise a bundle from its head, and so export can stream them.

/** The bundle with every key and array in canonical order (undefined optional parts omitted). */
export function canonicalBundle(bundle: Bundle): Bundle {
  const out: Record<string, unknown> = {
    format: bundle.format,
    version: bundle.version,
    scope: bundle.scope,
    meta: {
      ...(bundle.meta.exportedAt !== undefined ? { exportedAt: bundle.meta.exportedAt } : {}),
      exportedBy: bundle.meta.exportedBy,
      source: { tenant: bundle.meta.source.tenant, instance: bundle.meta.source.instance },
    },
    project: { slug: bundle.project.slug, displayName: bundle.project.displayName, active: bundle.project.active },
    sections: [...bundle.sections],
  };
  if (bundle.encryption) {
    const e = bundle.encryption;
    out.encryption = { cipher: e.cipher, kdf: e.kdf, iterations: e.iterations, salt: e.salt, verifier: e.verifier };
  }
  // Every section in registry order (models last); a section the bundle leaves out stays out.
  for (const section of SECTIONS) {
    const value = bundle[section.key];
    if (value !== undefined) out[section.key] = (section.canonical as (v: unknown) => unknown)(value);
  }
  const canonical: Bundle = { ...(out as Omit<Bundle, "models">), models: out.models as BundleModel[] };
  return canonical;
}

/**
 * Splits a canonical document into its head (everything up to and including `"models": [`) and
 * the tail, so models can be written one by one. Joined, the pieces equal
 * `JSON.stringify(bundle, null, 2) + "\n"` exactly.
 */
export function bundleHeadText(headWithoutModels: Omit<Bundle, "models">): string {
  const head = JSON.stringify(headWithoutModels, null, 2);
  return `${head.slice(0, -2)},\n  "models": [`;
}

const ENTRY_PREFIX = '{\n  "models": [\n'.length;
const ENTRY_SUFFIX = "\n  ]\n}".length;

// Stringified inside its real surroundings, a model comes out indented for its depth (four spaces)
// natively — much faster than re-indenting a 700 KB string afterwards. Its entry is that text
// without the surroundings, led by "\n" (the first model) or ",\n".
const wrappedEntry = (model: BundleModel) => JSON.stringify({ models: [model] }, null, 2);

export function modelEntryText(model: BundleModel, index: number): string {
  const wrapped = wrappedEntry(model);
  // Slicing flattens JSON.stringify's rope of parts: writers take `modelEntryBytes` instead.
  return `${index === 0 ? "\n" : ",\n"}${wrapped.slice(ENTRY_PREFIX, wrapped.length - ENTRY_SUFFIX)}`;
}

/**
 * `modelEntryText` as UTF-8 bytes, for writers: the stringified text is encoded once and its
 * surroundings cut off as a view (they are ASCII, so characters and bytes agree), instead of
 * slicing the string first — which flattens JSON.stringify's rope of parts and, with the encoding
 * after it, cost the export about as much again as stringifying.
 */
export function modelEntryBytes(model: BundleModel, index: number): Buffer {
  return entryView(Buffer.from(wrappedEntry(model), "utf8"), index);
}

// The wrapper cut off a stringified `{ models: [model] }`: the byte before the entry's "\n" is the
// array's "[", and a "," there leads every entry but the first.
function entryView(bytes: Buffer, index: number): Buffer {
  if (index > 0) bytes[ENTRY_PREFIX - 2] = 0x2c;
  return bytes.subarray(ENTRY_PREFIX - (index === 0 ? 1 : 2), bytes.length - ENTRY_SUFFIX);
}

// Neither jsonb nor PostgreSQL text can hold U+0000, so its JSON string marks where a snapshot goes.
const SNAPSHOT_MARK = "\u0000";
const SNAPSHOT_MARK_JSON = JSON.stringify(SNAPSHOT_MARK);

/**
 * `modelEntryBytes` for a model whose versions' snapshots come as PostgreSQL's jsonb text (one per
 * version, in order): the rest of the model is stringified as usual with a mark in each snapshot's
 * place, and each snapshot's text is written there by `writeJsonbText` — the same bytes, without
 * parsing and re-stringifying the snapshots.
 */
export function modelEntryBytesFromJsonb(model: BundleModel, index: number, snapshots: Buffer[]): Buffer {
  if (snapshots.length !== model.versions.length) throw new Error("One snapshot text per version is needed.");
  const marked = { ...model, versions: model.versions.map((v) => ({ ...v, snapshot: SNAPSHOT_MARK })) };
  const pieces = wrappedEntry(marked as unknown as BundleModel).split(SNAPSHOT_MARK_JSON);
  if (pieces.length !== snapshots.length + 1) throw new Error("A snapshot mark is missing from the model entry.");
  // Each snapshot sits on a line of its version, and its nested lines are indented from there.
  const first = pieces[0]!;
  const lineStart = first.lastIndexOf("\n") + 1;
  const indent = first.slice(lineStart).search(/[^ ]/);
  const sink = new ByteSink(first.length + snapshots.reduce((n, s) => n + s.length * 2, 0) + pieces.at(-1)!.length);
  for (const [k, snapshot] of snapshots.entries()) {
    sink.writeString(pieces[k]!);
    writeJsonbValue(snapshot, indent, sink);
  }
  sink.writeString(pieces.at(-1)!);
  return entryView(sink.view(), index);
}

export function bundleTailText(modelCount: number): string {
  return modelCount === 0 ? "]\n}\n" : "\n  ]\n}\n";
}

/** The canonical text of a whole bundle, as a sequence of chunks (one per model). */
export function* canonicalBundleChunks(bundle: Bundle): Generator<string> {
  const { models, ...head } = canonicalBundle(bundle);
  yield bundleHeadText(head);
  for (const [index, model] of models.entries()) yield modelEntryText(model, index);
  yield bundleTailText(models.length);
}

export function serializeBundle(bundle: Bundle): string {
  return [...canonicalBundleChunks(bundle)].join("");
}
