import { canonicalModel, compareKeys, modelEntryText } from "@/lib/bundle/canonical-json";
import type { BundleModel } from "@/lib/bundle/schema";
import { indentJsonbText } from "./indent-jsonb-text";

// The text of one model in an export, built from jsonb text as PostgreSQL returns it: snapshots
// are re-indented in place (indentJsonbText) instead of parsed and re-serialised. The result is
// byte-for-byte what modelEntryText(canonicalModel(model)) writes; whenever that cannot be
// guaranteed for a value, the whole model takes that JSON path instead.

export interface ModelTextRow {
  slug: string;
  name: string;
  connection: string | null;
  deployedVersion: number | null;
  /** jsonb text of the draft. */
  draft: string;
  versions: { number: number; message: string; author: string; createdAt: string; snapshot: string }[];
  aggregates: { name: string; definition: Record<string, unknown> }[];
  pockets: { name: string; definition: Record<string, unknown> }[];
}

const s = JSON.stringify;

export function modelEntryFromJsonbText(model: ModelTextRow, index: number): string {
  const fast = fastEntry(model);
  if (fast !== null) return `${index === 0 ? "\n" : ",\n"}${fast}`;
  const entry: BundleModel = {
    ...model,
    draft: JSON.parse(model.draft) as BundleModel["draft"],
    versions: model.versions.map((v) => ({ ...v, snapshot: JSON.parse(v.snapshot) as BundleModel["draft"] })),
  };
  return modelEntryText(canonicalModel(entry, { fromJsonb: true }), index);
}

function fastEntry(model: ModelTextRow): string | null {
  const draft = indentJsonbText(model.draft, 3);
  if (draft === null) return null;
  const versions: string[] = [];
  for (const v of model.versions) {
    const snapshot = indentJsonbText(v.snapshot, 5);
    if (snapshot === null) return null;
    versions.push(`        {\n          "number": ${v.number},\n          "message": ${s(v.message)},\n          "author": ${s(v.author)},\n          "createdAt": ${s(v.createdAt)},\n          "snapshot": ${snapshot}\n        }`);
  }
  // Aggregates and pockets are small: stringified in place at their depth (see modelEntryText).
  const byName = (a: { name: string }, b: { name: string }) => compareKeys(a.name, b.name);
  const tail = s({ models: [{ aggregates: [...model.aggregates].sort(byName), pockets: [...model.pockets].sort(byName) }] }, null, 2);
  const materializations = tail.slice(tail.indexOf('"aggregates"') - 6, tail.length - "\n    }\n  ]\n}".length);
  return [
    `    {\n      "slug": ${s(model.slug)},\n      "name": ${s(model.name)},\n      "connection": ${s(model.connection)},\n      "deployedVersion": ${s(model.deployedVersion)},\n      "draft": ${draft},\n      "versions": `,
    versions.length === 0 ? "[]" : `[\n${versions.join(",\n")}\n      ]`,
    `,\n${materializations}\n    }`,
  ].join("");
}
