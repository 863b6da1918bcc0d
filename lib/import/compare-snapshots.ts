import "server-only";
import { createHash } from "node:crypto";
import { RawJson } from "@/lib/bundle/raw-json";
import type { Bundle } from "@/lib/bundle/schema";
import type { BundleModel } from "@/lib/bundle/sections/models";
import type { PgClient } from "@/lib/database/pg-transaction";
import { ModelTable, ModelVersionTable } from "@/lib/database/tables";

// Which versions present on both sides have a different snapshot. Two steps, neither of which
// parses a snapshot in Node:
//  1. Digests. PostgreSQL digests each target snapshot's jsonb text (`md5(snapshot::text)`); Node
//     digests the bundle's snapshot text laid out the way jsonb prints it (jsonbLayout: only
//     whitespace changes). Equal digests mean equal JSON values — the texts are equal, and each
//     parses to its side's value. A Ferry export writes snapshots in jsonb's key order, so a bundle
//     compared with the project it came from matches here.
//  2. The rest (different digests: a real change, or a text jsonb prints differently — other key
//     order, escapes, `1.0`) are compared by PostgreSQL with jsonb equality, fed the snapshots' own
//     text in batches of one jsonb document.

const BATCH_BYTES = 8 * 1024 * 1024;

/**
 * The JSON text (UTF-8) with jsonb's output layout (`{"a": 1, "b": [1, 2]}`): a space after each
 * `,` and `:` outside strings, no other whitespace. Strings, numbers and literals are copied as
 * they are. Works on bytes: a 140 MB project is laid out and digested in well under a second.
 */
export function jsonbLayout(text: Uint8Array): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out[n++] = c;
      if (c === 92)
        out[n++] = text[++i]!; // backslash: copy the escaped character too
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    out[n++] = c;
    if (c === 34) inString = true;
    else if (c === 44 || c === 58) out[n++] = 32;
  }
  return out.subarray(0, n);
}

const md5 = (bytes: Uint8Array) => createHash("md5").update(bytes).digest("hex");
const encoder = new TextEncoder();

export async function differingSnapshots(
  client: PgClient,
  projectId: string,
  bundle: Bundle,
  target: { models?: unknown },
): Promise<Set<string>> {
  const existing = new Map(((target.models ?? []) as BundleModel[]).map((m) => [m.slug, m]));
  // Bytes are read when compared, not collected: a spooled upload's snapshots stay on disk.
  const candidates: { slug: string; number: number; bytes: () => Uint8Array }[] = [];
  for (const model of bundle.models) {
    const before = existing.get(model.slug);
    if (!before) continue;
    const numbersThere = new Set(before.versions.map((v) => v.number));
    for (const version of model.versions) {
      if (!numbersThere.has(version.number)) continue;
      const snapshot = version.snapshot;
      const bytes = () => (snapshot instanceof RawJson ? snapshot.bytes : encoder.encode(JSON.stringify(snapshot)));
      candidates.push({ slug: model.slug, number: version.number, bytes });
    }
  }
  if (candidates.length === 0) return new Set();

  const { rows } = await client.query(
    `SELECT m.slug, v.number, md5(v.snapshot::text) AS digest
       FROM "${ModelVersionTable.name}" v JOIN "${ModelTable.name}" m ON m.id = v."modelId"
      WHERE m."projectId" = $1 AND m.slug = ANY($2::text[])`,
    [projectId, [...new Set(candidates.map((c) => c.slug))]],
  );
  const digests = new Map(
    (rows as { slug: string; number: number; digest: string }[]).map((r) => [`${r.slug}#${r.number}`, r.digest]),
  );
  const unsure = candidates.filter((c) => digests.get(`${c.slug}#${c.number}`) !== md5(jsonbLayout(c.bytes())));

  const differing = new Set<string>();
  let parts: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (parts.length === 0) return;
    const { rows } = await client.query(
      `SELECT x.s AS slug, x.n AS number FROM jsonb_to_recordset($2::jsonb) AS x(s text, n int, j jsonb)
         JOIN "${ModelTable.name}" m ON m."projectId" = $1 AND m.slug = x.s
         JOIN "${ModelVersionTable.name}" v ON v."modelId" = m.id AND v.number = x.n
        WHERE v.snapshot IS DISTINCT FROM x.j`,
      [projectId, `[${parts.join(",")}]`],
    );
    for (const row of rows as { slug: string; number: number }[]) differing.add(`${row.slug}#${row.number}`);
    parts = [];
    bytes = 0;
  };
  const decoder = new TextDecoder();
  for (const c of unsure) {
    const snapshot = c.bytes();
    parts.push(`{"s":${JSON.stringify(c.slug)},"n":${c.number},"j":${decoder.decode(snapshot)}}`);
    bytes += snapshot.length;
    if (bytes >= BATCH_BYTES) await flush();
  }
  await flush();
  return differing;
}
