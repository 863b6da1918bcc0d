import "server-only";
import { SECTIONS, type SectionKey } from "@/lib/bundle/sections";
import type { SectionReadContext } from "@/lib/bundle/sections/contexts";
import { listExportedModels, readModels, type BundleModel } from "@/lib/bundle/sections/models";
import type { PgClient } from "@/lib/database/pg-transaction";
import type { TargetContent } from "./plan-changes";

// What the target project holds now, read by the sections' own export reads inside the import's
// transaction (after the project row is locked), for the plan's item-by-item comparison. Secrets
// are never decrypted: an item with a stored secret reads as `{ encrypted: "secret" }`, one
// without as "none" — the plan shows only those states. Version snapshots (the bulk of a project)
// are not read: compare-snapshots.ts lets the database compare them with the bundle's.

export interface TargetProjectContent extends TargetContent {
  /** Model slug → id, for writes that refer to models the import keeps. */
  modelIds: Map<string, string>;
}

export async function readTargetContent(client: PgClient, projectId: string): Promise<TargetProjectContent> {
  const rows = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[];
  const [project] = await rows<{ displayName: string; active: boolean }>(
    `SELECT "displayName", active FROM "Project" WHERE id = $1`,
    [projectId],
  );
  const models = await listExportedModels({ rows, projectId }, null);
  const read: SectionReadContext = {
    rows,
    projectId,
    scope: "project",
    models,
    withSecrets: true,
    credentials: (_kind, sealed) => (sealed ? { encrypted: "secret" } : "none"),
  };
  const sections: Partial<Record<SectionKey, unknown>> = {};
  for (const section of SECTIONS) {
    if (section.key === "models" || !section.read) continue;
    sections[section.key] = await section.read(read);
  }
  const list: BundleModel[] = [];
  for await (const { model } of readModels({ rows, projectId }, models, null, null)) list.push(model);
  sections.models = list;
  const connections = ((sections.connections ?? []) as { name: string }[]).map((c) => c.name);
  return {
    project: project!,
    connections,
    sections,
    modelIds: new Map(models.map((m) => [m.slug, m.id])),
  };
}
