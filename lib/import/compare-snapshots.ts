import "server-only";
import { RawJson } from "@/lib/bundle/raw-json";
import type { Bundle } from "@/lib/bundle/schema";
import type { BundleModel } from "@/lib/bundle/sections/models";
import type { PgClient } from "@/lib/database/pg-transaction";
import { ModelTable, ModelVersionTable } from "@/lib/database/tables";

// Which versions present on both sides have a different snapshot — compared by PostgreSQL (jsonb
// equality: key order and spacing do not matter), fed the bundle's snapshot text as it arrived. A
// 140 MB project is then never parsed, sorted and re-serialised in Node to be planned; the
// database does the comparison on its own core. Batched: one query per few megabytes.

const BATCH_BYTES = 8 * 1024 * 1024;

export async function differingSnapshots(
  client: PgClient,
  projectId: string,
  bundle: Bundle,
  target: { models?: unknown },
): Promise<Set<string>> {
  const existing = new Map(((target.models ?? []) as BundleModel[]).map((m) => [m.slug, m]));
  const differing = new Set<string>();
  // One jsonb document per batch, assembled from the snapshots' own text (nothing is parsed or
  // escaped here): PostgreSQL parses it once and compares each version with jsonb equality.
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
  for (const model of bundle.models) {
    const before = existing.get(model.slug);
    if (!before) continue;
    const numbersThere = new Set(before.versions.map((v) => v.number));
    for (const version of model.versions) {
      if (!numbersThere.has(version.number)) continue;
      const text = version.snapshot instanceof RawJson ? version.snapshot.text() : JSON.stringify(version.snapshot);
      parts.push(`{"s":${JSON.stringify(model.slug)},"n":${version.number},"j":${text}}`);
      bytes += text.length;
      if (bytes >= BATCH_BYTES) await flush();
    }
  }
  await flush();
  return differing;
}
