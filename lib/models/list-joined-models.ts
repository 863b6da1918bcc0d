import "server-only";
import { db } from "@/lib/db";
import { joinClosure, type JoinedModel } from "./join-closure";

export interface JoinedModelItem extends JoinedModel {
  name: string;
}

/**
 * The models `modelSlug` joins to, transitively, through the joins of its draft and of every saved
 * version (a model bundle carries all of them, and import checks every one). Reads only the
 * join targets out of the JSON, never whole snapshots.
 */
export async function listJoinedModels(options: { projectId: string; modelSlug: string }): Promise<JoinedModelItem[]> {
  const rows = await db.$queryRaw<{ slug: string; name: string; target: string | null }[]>`
    SELECT m.slug, m.name, j.target
    FROM "Model" m
    LEFT JOIN LATERAL (
      SELECT DISTINCT join_item->>'model' AS target
      FROM (
        SELECT m.draft AS doc
        UNION ALL
        SELECT v.snapshot FROM "ModelVersion" v WHERE v."modelId" = m.id
      ) docs
      CROSS JOIN LATERAL jsonb_array_elements(
        CASE WHEN jsonb_typeof(docs.doc->'joins') = 'array' THEN docs.doc->'joins' ELSE '[]'::jsonb END
      ) join_item
      WHERE jsonb_typeof(join_item->'model') = 'string'
    ) j ON true
    WHERE m."projectId" = ${options.projectId}::uuid`;
  const joins = new Map<string, string[]>();
  const names = new Map<string, string>();
  for (const row of rows) {
    names.set(row.slug, row.name);
    const list = joins.get(row.slug) ?? [];
    if (row.target !== null) list.push(row.target);
    joins.set(row.slug, list);
  }
  return joinClosure(options.modelSlug, joins).map((model) => ({ ...model, name: names.get(model.slug)! }));
}
