import { RawJson } from "./raw-json";
import type { Bundle, BundleModel, Snapshot } from "./schema";

// Canonical serialisation: fixed key order for the bundle's structure, a fixed key order inside
// free-form JSON (configs, snapshots, definitions, setting values), arrays of entities ordered by
// natural key or version number, 2-space indentation, trailing newline. Same state → same bytes.
// Models come last so a reader can summarise a bundle from its head, and so export can stream them.

/** Plain code-unit order for natural keys (slugs, names): locale-independent, identical everywhere. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;
const isArrayIndex = (key: string) => ARRAY_INDEX.test(key) && Number(key) <= 4_294_967_294;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Key order inside free-form JSON: the order PostgreSQL's jsonb keeps keys in (shorter UTF-8 byte
 * length first, then bytewise), except that array-index keys ("0", "1", …) come first in numeric
 * order, as JavaScript objects enumerate them. Values read back from jsonb are then already in
 * canonical order, so export never re-sorts 100 MB of snapshots.
 */
export function compareJsonKeys(a: string, b: string): number {
  const ai = isArrayIndex(a);
  const bi = isArrayIndex(b);
  if (ai || bi) return ai && bi ? Number(a) - Number(b) : ai ? -1 : 1;
  if (ASCII.test(a) && ASCII.test(b)) return a.length - b.length || compareKeys(a, b);
  const ab = Buffer.from(a, "utf8");
  const bb = Buffer.from(b, "utf8");
  return ab.length - bb.length || Buffer.compare(ab, bb);
}

export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === "object") {
    const source = value as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(source).sort(compareJsonKeys)) {
      if (source[key] !== undefined) sorted[key] = sortKeysDeep(source[key]);
    }
    return sorted;
  }
  return value;
}

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    compareKeys(key(a), key(b));

/**
 * A model in canonical order. `fromJsonb`: its free-form values were just read from jsonb columns,
 * whose key order is already canonical (see compareJsonKeys) — skip re-sorting them.
 */
export function canonicalModel(model: BundleModel, options: { fromJsonb?: boolean } = {}): BundleModel {
  const sortKeys = options.fromJsonb ? <T>(value: T) => value : <T>(value: T) => sortKeysDeep(value) as T;
  return {
    slug: model.slug,
    name: model.name,
    connection: model.connection,
    deployedVersion: model.deployedVersion,
    draft: sortKeys(model.draft),
    versions: [...model.versions]
      .sort((a, b) => a.number - b.number)
      .map((v) => ({
        number: v.number,
        message: v.message,
        author: v.author,
        createdAt: v.createdAt,
        snapshot: v.snapshot instanceof RawJson ? (sortKeysDeep(v.snapshot.value()) as Snapshot) : sortKeys(v.snapshot),
      })),
    aggregates: [...model.aggregates]
      .sort(byKey((a) => a.name))
      .map((a) => ({ name: a.name, definition: sortKeys(a.definition) })),
    pockets: [...model.pockets]
      .sort(byKey((p) => p.name))
      .map((p) => ({ name: p.name, definition: sortKeys(p.definition) })),
  };
}

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
  if (bundle.connections) {
    out.connections = [...bundle.connections]
      .sort(byKey((c) => c.name))
      .map((c) => ({ name: c.name, type: c.type, config: sortKeysDeep(c.config), credentials: c.credentials }));
  }
  if (bundle.llmConfigs) {
    out.llmConfigs = [...bundle.llmConfigs].sort(byKey((l) => l.name)).map((l) => ({
      name: l.name,
      provider: l.provider,
      endpoint: l.endpoint,
      model: l.model,
      params: sortKeysDeep(l.params),
      credentials: l.credentials,
    }));
  }
  if (bundle.agent !== undefined) {
    const a = bundle.agent;
    out.agent =
      a === null
        ? null
        : {
            persona: a.persona,
            rubrics: [...a.rubrics]
              .sort(byKey((r) => r.name))
              .map((r) => ({ name: r.name, criteria: r.criteria, weight: r.weight })),
            modelContexts: [...a.modelContexts]
              .sort(byKey((m) => m.model))
              .map((m) => ({ model: m.model, context: m.context })),
            webhookUrl: a.webhookUrl,
          };
  }
  if (bundle.recipes)
    out.recipes = [...bundle.recipes]
      .sort(byKey((r) => r.slug))
      .map((r) => ({ slug: r.slug, name: r.name, definition: sortKeysDeep(r.definition) }));
  if (bundle.settings)
    out.settings = [...bundle.settings]
      .sort(byKey((s) => s.key))
      .map((s) => ({ key: s.key, value: sortKeysDeep(s.value) }));
  if (bundle.accessBindings) {
    out.accessBindings = [...bundle.accessBindings]
      .sort(byKey((b) => `${b.user}\u0000${b.model ?? ""}`))
      .map((b) => ({ user: b.user, role: b.role, model: b.model }));
  }
  out.models = [...bundle.models].sort(byKey((m) => m.slug)).map((m) => canonicalModel(m));
  return out as Bundle;
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

export function modelEntryText(model: BundleModel, index: number): string {
  // Stringified inside its real surroundings, the model comes out indented for its depth (four
  // spaces) natively — much faster than re-indenting a 700 KB string afterwards.
  const wrapped = JSON.stringify({ models: [model] }, null, 2);
  return `${index === 0 ? "\n" : ",\n"}${wrapped.slice(ENTRY_PREFIX, wrapped.length - ENTRY_SUFFIX)}`;
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
