import { AppError, type ErrorDetail } from "@/lib/errors";
import { unstorableTextReason } from "@/lib/validations/storable";
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  bundleSchema,
  modelSchema,
  OPTIONAL_SECTIONS,
  type Bundle,
  type BundleModel,
} from "./schema";
import { checkBundleReferences } from "./check-bundle-references";
import { GENERIC_SECTIONS } from "./sections";
import { duplicateProblems } from "./sections/section";
import { joinTargets } from "./model-references";
import { ByteSource, type HeldBytes } from "./byte-source";
import { RawJson } from "./raw-json";
import { splitBundle, type BundleSlices } from "./split-bundle";

// Parsing an untrusted bundle: bytes → UTF-8 text → bounded JSON → shape (zod) → internal
// consistency. Every failure is an AppError with a SPEC §5 code and path-precise details; nothing
// here touches the database, so a bad file can never change anything.

export const MAX_NESTING_DEPTH = 64;
export const MAX_FREE_STRING_LENGTH = 1_000_000;
/** Problems an error lists at most (of each kind: the value walk's, the schema's). */
export const MAX_DETAILS = 50;
const MAX_MODELS = 100_000;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export function decodeBundleBytes(bytes: Uint8Array, maxBytes: number): string {
  if (bytes.byteLength > maxBytes) throw tooLarge(bytes.byteLength, maxBytes);
  if (bytes.byteLength === 0) throw new AppError("INVALID_JSON", "The file is empty.");
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new AppError("INVALID_JSON", "The file is UTF-16 encoded; a bundle must be UTF-8 JSON.");
  }
  try {
    // ignoreBOM: false strips a UTF-8 byte-order mark, which some editors add.
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError("INVALID_JSON", "The file is not valid UTF-8 text.");
  }
}

/** `size` null: the upload streamed past the limit and its full size was never known. */
export function tooLarge(size: number | null, maxBytes: number): AppError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (size === null)
    return new AppError(
      "PAYLOAD_TOO_LARGE",
      `The bundle is larger than the limit of ${mb(maxBytes)} (FERRY_MAX_BUNDLE_MB).`,
      { limit: maxBytes },
    );
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    `The bundle is ${mb(size)}; the limit is ${mb(maxBytes)} (FERRY_MAX_BUNDLE_MB).`,
    { size, limit: maxBytes },
  );
}

/**
 * Parses and validates an uploaded bundle. Well-formed files are decoded and parsed model by
 * model (see split-bundle.ts), so no 100 MB string is ever built; anything irregular takes the
 * plain path, whose JSON errors name the position.
 */
export function parseBundleBytes(bytes: Uint8Array, maxBytes: number): Bundle {
  return parseBundleSource(ByteSource.of(bytes), maxBytes);
}

/**
 * The same over any byte source: a spooled upload is read one model at a time, and its validated
 * snapshots keep only their place in the file (see raw-json.ts), so memory holds the validated
 * project and one model's bytes, not the upload.
 */
export function parseBundleSource(
  source: ByteSource,
  maxBytes: number,
  /** The server passes SHA-256 (this module also runs in the browser): each snapshot's digest is kept. */
  digest?: (bytes: Uint8Array) => Uint8Array,
): Bundle {
  const split = splitSource(source, maxBytes);
  if (!split) return parseWhole(source, maxBytes);
  return finishSplit(source, maxBytes, split, (i, walkOnly) =>
    checkModelBytes(split.modelBytes(i), i, split.ranges[i]!, digest, walkOnly),
  );
}

/**
 * A bundle split into its head and its models' byte ranges; null when the file takes the plain
 * path (too large, empty, UTF-16, irregular, a head that is not JSON).
 */
export interface SplitSource {
  head: unknown;
  ranges: ModelRanges[];
  /** Model `i`'s bytes (the last one read is kept: its parse and digests share one read). */
  modelBytes(i: number): Uint8Array;
}

/** A model's range in the file and its snapshots' ranges relative to the model's start. */
export interface ModelRanges {
  start: number;
  end: number;
  snapshots: [number, number][] | null;
}

/** `onModel`: each model's ranges as soon as the split finds it (see splitBundle). */
export function splitSource(
  source: ByteSource,
  maxBytes: number,
  onModel?: (index: number, ranges: ModelRanges) => void,
): SplitSource | null {
  const first = source.at(0);
  if (source.length > maxBytes || source.length === 0 || first === 0xff || first === 0xfe) return null;
  const slices = splitBundle(source, {
    onModel: onModel && ((i, [start, end], snapshots) => onModel(i, modelRanges(start, end, snapshots))),
  });
  if (!slices) return null;
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let head: unknown;
  try {
    head = parseHead(decoder, source, slices);
  } catch {
    return null;
  }
  const ranges = slices.models.map(([start, end], i) => modelRanges(start, end, slices.snapshots[i] ?? null));
  let current: { index: number; bytes: Uint8Array } | null = null;
  return {
    head,
    ranges,
    modelBytes: (i) => {
      if (current?.index !== i) current = { index: i, bytes: source.slice(ranges[i]!.start, ranges[i]!.end) };
      return current.bytes;
    },
  };
}

function modelRanges(start: number, end: number, snapshots: [number, number][] | null): ModelRanges {
  return { start, end, snapshots: snapshots?.map(([s, e]): [number, number] => [s - start, e - start]) ?? null };
}

export function parseWhole(source: ByteSource, maxBytes: number): Bundle {
  return parseBundleText(decodeBundleBytes(source.slice(0, source.length), maxBytes));
}

/**
 * Validates a split bundle from each model's outcome (see checkModelBytes), asked for in order:
 * computed on demand or in advance on another thread, the result is the same. A model that is
 * not JSON sends the whole file down the plain path, whose errors name the position.
 */
export function finishSplit(
  source: ByteSource,
  maxBytes: number,
  split: SplitSource,
  outcome: (i: number, walkOnly: boolean) => ModelOutcome,
): Bundle {
  try {
    return validateBundle(split.head, {
      count: split.ranges.length,
      outcome: (i, walkOnly) => {
        const checked = outcome(i, walkOnly);
        if (checked.kind === "syntax") throw new SliceSyntaxError();
        if (checked.kind !== "valid") return checked;
        const { start, snapshots } = split.ranges[i]!;
        return {
          kind: "valid",
          model: attachSnapshots(checked, (k) => source.hold(start + snapshots![k]![0], start + snapshots![k]![1])),
        };
      },
    });
  } catch (error) {
    if (error instanceof SliceSyntaxError) return parseWhole(source, maxBytes);
    throw error;
  }
}

/** One model's checks, on its own: what validateBundle merges in the models' order. */
export type ModelOutcome =
  | { kind: "syntax" }
  /**
   * Problems of the walk over every value (forbidden keys, nesting, huge or unstorable strings);
   * none when the walk was all that was asked (`walkOnly`) and it found nothing.
   */
  | { kind: "scanned"; problems: ErrorDetail[] }
  /** Schema problems, their paths from the envelope. */
  | { kind: "invalid"; problems: ErrorDetail[] }
  /**
   * A valid model. From bytes its versions' snapshots are null and `snapshots` holds each one's
   * join targets and digest: the snapshot stays the uploaded bytes (see raw-json.ts), so the
   * outcome is small enough to post from a worker thread.
   */
  | { kind: "valid"; model: BundleModel; snapshots?: { joins: string[]; digest?: Uint8Array }[] };

type CheckedModel = Exclude<ModelOutcome, { kind: "syntax" }>;

/**
 * The checks of validateBundle's model loop for one parsed model. `walkOnly`: another model's walk
 * already found problems, so only this walk's can still be listed: the schema is not checked.
 */
export function checkModel(model: unknown, index: number, walkOnly = false): CheckedModel {
  const path = ["models", String(index)];
  const scanned: ErrorDetail[] = [];
  scanValues(model, scanned, path);
  if (scanned.length > 0 || walkOnly) return { kind: "scanned", problems: scanned };
  const result = modelSchema.safeParse(model);
  if (!result.success) return { kind: "invalid", problems: issueDetails(result.error.issues, path) };
  return { kind: "valid", model: result.data };
}

/**
 * The same from the model's bytes (`ranges.snapshots` relative to them). Pure and free of the
 * source, so a worker thread runs it on a copy of the bytes (see lib/bundle/model-worker.ts).
 */
export function checkModelBytes(
  bytes: Uint8Array,
  index: number,
  ranges: Pick<ModelRanges, "snapshots">,
  digest?: (bytes: Uint8Array) => Uint8Array,
  walkOnly = false,
): ModelOutcome {
  let model: unknown;
  try {
    model = parseSlice(bytes);
  } catch {
    return { kind: "syntax" };
  }
  const outcome = checkModel(model, index, walkOnly);
  const found = ranges.snapshots;
  if (outcome.kind !== "valid" || !found || found.length !== outcome.model.versions.length) return outcome;
  return {
    kind: "valid",
    model: { ...outcome.model, versions: outcome.model.versions.map((v) => ({ ...v, snapshot: null as never })) },
    snapshots: outcome.model.versions.map((v, k) => ({
      joins: joinTargets(v.snapshot),
      digest: digest?.(bytes.subarray(found[k]![0], found[k]![1])),
    })),
  };
}

/** A valid outcome's model with each snapshot kept as its uploaded bytes (`held(k)`), when split off. */
function attachSnapshots(
  outcome: Extract<ModelOutcome, { kind: "valid" }>,
  held: (k: number) => HeldBytes,
): BundleModel {
  const { model, snapshots } = outcome;
  if (!snapshots) return model;
  return {
    ...model,
    versions: model.versions.map((v, k) => ({
      ...v,
      snapshot: new RawJson(held(k), snapshots[k]!.joins, snapshots[k]!.digest),
    })),
  };
}

/** As JSON.parse defines a member (a "__proto__" key stays a key, for the forbidden-key check). */
function defineMember(object: object, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The envelope without its models: the head, and the other top-level arrays a batch at a time. Throws on bad JSON. */
function parseHead(decoder: TextDecoder, source: ByteSource, slices: BundleSlices): Record<string, unknown> {
  // The head's bytes, then its text, are let go as soon as they are used: with a million
  // settings each is as large as the bundle.
  let text: string | null = decoder.decode(slices.head);
  slices.head = new Uint8Array(0);
  const head = JSON.parse(text) as Record<string, unknown>;
  text = null;
  for (const { key, batches } of slices.arrays) {
    const items: unknown[] = [];
    for (const [start, end] of batches)
      for (const item of JSON.parse(`[${sliceDecoder.decode(source.slice(start, end))}]`) as unknown[])
        items.push(item);
    defineMember(head, key, items);
  }
  return head;
}

/**
 * A well-formed bundle's envelope with an outline of each model — every member but `versions`
 * and `draft`, and `versions` as an array of the right length whose entries are null — made
 * without parsing a snapshot: the wizard's first summary comes from it while the file is still
 * being parsed and validated. Null for anything irregular (the summary then waits). Not validated.
 */
export function outlineBundle(bytes: Uint8Array): Record<string, unknown> | null {
  const source = ByteSource.of(bytes);
  const slices = splitBundle(source, { outlines: true });
  if (!slices) return null;
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  try {
    const head = parseHead(decoder, source, slices);
    const models = slices.outlines.map(({ members, versions }) => {
      if (versions === null) throw new SliceSyntaxError();
      const model: Record<string, unknown> = {};
      for (const [key, [start, end]] of members)
        if (key !== "draft") defineMember(model, key, JSON.parse(sliceDecoder.decode(bytes.subarray(start, end))));
      defineMember(model, "versions", new Array<null>(versions).fill(null));
      return model;
    });
    defineMember(head, "models", models);
    return head;
  } catch {
    return null;
  }
}

class SliceSyntaxError extends Error {}

/**
 * Decodes what lies inside the file (a model, a batch of elements, a member): a byte-order mark
 * there is not stripped, so JSON.parse refuses it as it would in the whole file. Only the head,
 * which starts the file, is decoded with BOM stripping.
 */
const sliceDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function parseSlice(slice: Uint8Array): unknown {
  try {
    return JSON.parse(sliceDecoder.decode(slice));
  } catch {
    throw new SliceSyntaxError();
  }
}

/** Parses and validates bundle text. Throws AppError; returns a bundle safe to plan from. */
export function parseBundleText(text: string): Bundle {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") throw new AppError("INVALID_JSON", "The file is empty.");
  // V8's JSON.parse is not recursive, so absurd nesting cannot overflow it; the depth limit is
  // enforced right after, before any recursive walk (scanValues) or schema check.
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    throw new AppError(
      "INVALID_JSON",
      `The file is not valid JSON (${(error as Error).message}). Was it truncated or edited by hand?`,
    );
  }
  return validateBundleValue(raw);
}

export function validateBundleValue(raw: unknown): Bundle {
  const models = (raw as { models?: unknown } | null)?.models;
  return validateBundle(
    raw,
    Array.isArray(models)
      ? { count: models.length, outcome: (i, walkOnly) => checkModel(models[i], i, walkOnly) }
      : null,
  );
}

interface ModelSource {
  count: number;
  /** Model `index`'s checks (a valid model with its snapshots attached); see checkModel for `walkOnly`. */
  outcome(index: number, walkOnly: boolean): CheckedModel;
}

/**
 * Validates a bundle's envelope and its models one by one (`models` null when the envelope's
 * `models` is not an array: the schema then reports it). Problems from the walk over every value
 * (forbidden keys, nesting, huge strings) win over schema problems.
 */
function validateBundle(raw: unknown, models: ModelSource | null): Bundle {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new AppError("INVALID_BUNDLE", "A bundle is a JSON object; this file holds something else.", [
      {
        path: "",
        reason: `expected an object, got ${Array.isArray(raw) ? "an array" : raw === null ? "null" : typeof raw}`,
      },
    ]);
  }
  const envelope = raw as Record<string, unknown>;
  if (envelope.format !== BUNDLE_FORMAT) {
    throw new AppError("INVALID_BUNDLE", `This is not a Ferry project bundle (format must be "${BUNDLE_FORMAT}").`, [
      { path: "format", reason: `expected "${BUNDLE_FORMAT}"` },
    ]);
  }
  if (!("version" in envelope))
    throw new AppError("INVALID_BUNDLE", "The bundle has no version.", [{ path: "version", reason: "required" }]);
  if (envelope.version !== BUNDLE_VERSION) {
    throw new AppError(
      "UNSUPPORTED_BUNDLE_VERSION",
      `This Ferry reads bundle version ${BUNDLE_VERSION}; the file says ${JSON.stringify(envelope.version)}.`,
      { supported: [BUNDLE_VERSION], found: envelope.version ?? null },
    );
  }

  const head = models ? { ...envelope, models: [] } : envelope;
  const scanned: ErrorDetail[] = [];
  const schema: ErrorDetail[] = [];
  const addAll = (into: ErrorDetail[], problems: ErrorDetail[]) => {
    for (const problem of problems) if (into.length < MAX_DETAILS) into.push(problem);
  };
  scanValues(head, scanned);
  const validated: BundleModel[] = [];
  if (models) {
    if (models.count > MAX_MODELS) schema.push({ path: "models", reason: `at most ${MAX_MODELS} models` });
    for (let i = 0; i < models.count && scanned.length < MAX_DETAILS; i++) {
      const outcome = models.outcome(i, scanned.length > 0);
      // Once a value is refused, only the walk's problems are gathered.
      if (outcome.kind === "scanned") addAll(scanned, outcome.problems);
      else if (scanned.length > 0) continue;
      else if (outcome.kind === "invalid") addAll(schema, outcome.problems);
      else validated.push(outcome.model);
    }
  }
  if (scanned.length > 0) throw invalid(scanned);
  const parsed = bundleSchema.safeParse(head);
  if (!parsed.success) addAll(schema, issueDetails(parsed.error.issues, []));
  if (schema.length > 0 || !parsed.success) throw invalid(schema);
  const bundle: Bundle = { ...parsed.data, models: models ? validated : parsed.data.models };
  const problems: ErrorDetail[] = [];
  checkConsistency(bundle, problems);
  if (problems.length > 0) throw invalid(problems);
  checkBundleReferences(bundle);
  return bundle;
}

function issueDetails(issues: { path: PropertyKey[]; message: string }[], prefix: string[]): ErrorDetail[] {
  return issues
    .slice(0, MAX_DETAILS)
    .map((issue) => ({ path: [...prefix, ...issue.path.map(String)].join("."), reason: issue.message }));
}

function invalid(problems: ErrorDetail[]): AppError {
  const shown = problems.slice(0, MAX_DETAILS);
  const first = shown[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
  return new AppError(
    "INVALID_BUNDLE",
    `The bundle is not valid: ${first.path ? `${first.path}: ` : ""}${first.reason}${more}.`,
    shown,
  );
}

/**
 * Prototype-polluting keys, oversized strings, absurd nesting and text PostgreSQL cannot store
 * (U+0000, lone surrogates — in values and keys), anywhere (free-form JSON too). The path is a
 * shared stack joined only when a problem is found: this walk visits every value of a 100 MB bundle.
 */
function scanValues(value: unknown, problems: ErrorDetail[], path: string[] = []): void {
  if (problems.length >= MAX_DETAILS) return;
  if (typeof value === "string") {
    if (value.length > MAX_FREE_STRING_LENGTH)
      problems.push({ path: path.join("."), reason: `string longer than ${MAX_FREE_STRING_LENGTH} characters` });
    // Refused here, not halfway through an import's writes.
    else {
      const reason = unstorableTextReason(value);
      if (reason) problems.push({ path: path.join("."), reason });
    }
    return;
  }
  if (value === null || typeof value !== "object") return;
  if (path.length >= MAX_NESTING_DEPTH) {
    problems.push({
      path: path.join("."),
      reason: `nesting deeper than ${MAX_NESTING_DEPTH} levels, which no real project does`,
    });
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(String(i));
      scanValues(value[i], problems, path);
      path.pop();
    }
    return;
  }
  for (const key in value) {
    path.push(key);
    const keyReason = FORBIDDEN_KEYS.has(key) ? `the key "${key}" is not allowed` : unstorableTextReason(key);
    if (keyReason) problems.push({ path: path.join("."), reason: keyReason });
    else scanValues((value as Record<string, unknown>)[key], problems, path);
    path.pop();
  }
}

function checkConsistency(bundle: Bundle, problems: ErrorDetail[]): void {
  const listed = new Set(bundle.sections);
  if (listed.size !== bundle.sections.length) problems.push({ path: "sections", reason: "a section is listed twice" });
  for (const section of OPTIONAL_SECTIONS) {
    const present = bundle[section] !== undefined;
    if (listed.has(section) && !present) problems.push({ path: section, reason: `listed in sections but missing` });
    if (!listed.has(section) && present) problems.push({ path: section, reason: `present but not listed in sections` });
  }
  // A model bundle holds the chosen model and, by default, the models it joins to (SPEC §2).
  if (bundle.scope === "model" && bundle.models.length === 0)
    problems.push({ path: "models", reason: "a model bundle holds at least one model" });
  // … and the connections they need, nothing else (SPEC §6): a model import never writes the
  // project's settings, LLM configs, agent, recipes or access bindings.
  if (bundle.scope === "model")
    for (const section of bundle.sections)
      if (section !== "connections")
        problems.push({
          path: "sections",
          reason: `a model bundle carries its models and their connections only, not "${section}"`,
        });

  const encrypted = GENERIC_SECTIONS.some((section) =>
    section.items(bundle[section.key]).some((item) => typeof section.credentialsOf?.(item) === "object"),
  );
  if (encrypted && !bundle.encryption)
    problems.push({
      path: "encryption",
      reason: "credentials are encrypted but the envelope has no encryption parameters",
    });

  // Natural keys are unique within each section (SPEC §6), and nested lists within each item.
  for (const section of GENERIC_SECTIONS) {
    const value = bundle[section.key];
    const items = section.items(value);
    problems.push(...duplicateProblems(items.map(section.showKey ?? section.keyOf), section.key, section.keyName));
    const single = !Array.isArray(value);
    items.forEach((item, i) =>
      problems.push(...(section.checkItem?.(item, single ? section.key : `${section.key}.${i}`) ?? [])),
    );
  }
}
