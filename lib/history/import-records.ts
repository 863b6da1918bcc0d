import "server-only";
import type { Bundle } from "@/lib/bundle/schema";
import type { BundleModel } from "@/lib/bundle/sections/models";
import type { PgClient } from "@/lib/database/pg-transaction";
import { ImportRecordTable, ModelTable, columnList } from "@/lib/database/tables";
import type { ImportResult } from "@/lib/import/import-result";
import { referenceSourceOf } from "@/lib/projects/reference";

// An import's lasting result (SPEC §12): written in the import's own transaction, so a result
// exists exactly when the import committed; its history entry links to it.

/** Where the imported bundle came from, as its metadata says (or the snapshot a restore used). */
export interface ImportSource {
  instance?: string;
  tenant?: string;
  project?: string;
  exportedAt?: string;
  exportedBy?: string;
  /** A restore: the snapshot it brought back and when that was taken. */
  snapshotId?: string;
  snapshotAt?: string;
}

export interface RestoreOf {
  snapshotId: string;
  source: ImportSource;
}

export function bundleSource(bundle: Bundle): ImportSource {
  return referenceSourceOf(bundle);
}

/** A restore puts each model back at the version that was deployed when the snapshot was taken. */
export async function restoreDeployments(client: PgClient, projectId: string, models: BundleModel[]): Promise<void> {
  const deployed = models.filter((m) => m.deployedVersion !== null);
  if (deployed.length === 0) return;
  await client.query(
    `UPDATE "${ModelTable.name}" m SET "deployedVersion" = d.version, "deployedAt" = now()
       FROM unnest($2::text[], $3::int[]) AS d(slug, version)
      WHERE m."projectId" = $1 AND m.slug = d.slug`,
    [projectId, deployed.map((m) => m.slug), deployed.map((m) => m.deployedVersion)],
  );
}

export async function writeImportRecord(
  client: PgClient,
  record: {
    tenantId: string;
    projectId: string;
    actorEmail: string;
    action: string;
    mode: string;
    snapshotId: string | null;
    source: ImportSource;
    result: ImportResult;
  },
): Promise<string> {
  const id = crypto.randomUUID();
  await client.query(
    `INSERT INTO "${ImportRecordTable.name}" (${columnList(ImportRecordTable, [
      "id",
      "tenantId",
      "projectId",
      "actorEmail",
      "action",
      "mode",
      "snapshotId",
      "source",
      "result",
    ])}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      record.tenantId,
      record.projectId,
      record.actorEmail,
      record.action,
      record.mode,
      record.snapshotId,
      JSON.stringify(record.source),
      JSON.stringify(record.result),
    ],
  );
  return id;
}
