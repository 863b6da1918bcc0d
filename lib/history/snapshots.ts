import "server-only";
import { randomBytes } from "node:crypto";
import { gunzipSync, createGzip, constants as zlib } from "node:zlib";
import { VERIFIER_PLAINTEXT } from "@/lib/bundle/bundle-crypto";
import { parseBundleBytes } from "@/lib/bundle/parse-bundle";
import type { Bundle, BundleEncryption } from "@/lib/bundle/schema";
import { OPTIONAL_SECTIONS } from "@/lib/bundle/sections";
import { BUNDLE_KDF_ITERATIONS } from "@/lib/crypto/kdf-iterations";
import { fernetEncrypt, parseFernetKey, type FernetKey } from "@/lib/crypto/fernet";
import type { PgClient } from "@/lib/database/pg-transaction";
import { ProjectSnapshotTable, columnList } from "@/lib/database/tables";
import { instanceName } from "@/lib/export/export-project";
import { writeProjectBundle } from "@/lib/export/write-project-bundle";
import { cipherFor, type TenantCipher } from "@/lib/secrets/tenant-secrets";
import { unwrapDataKey } from "@/lib/secrets/keys";

// Snapshots (SPEC §12): before an import or a restore changes a project, its full bundle — every
// section, access bindings and deployed versions included — is written from inside the import's
// own transaction (so it is exactly the state the import replaces, and a failed import leaves
// none), gzip-compressed as it is produced, into ProjectSnapshot. Credentials are Fernet tokens
// under a random key (no passphrase, so no key derivation on the import's path); that key is
// sealed under the tenant's data key. Only the newest FERRY_SNAPSHOT_RETENTION per project stay.

const DEFAULT_RETENTION = 20;

export function snapshotRetention(): number {
  const raw = process.env.FERRY_SNAPSHOT_RETENTION;
  const value = raw === undefined || raw === "" ? DEFAULT_RETENTION : Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`FERRY_SNAPSHOT_RETENTION must be a whole number ≥ 1 (got "${raw}").`);
  return value;
}

/**
 * A random bundle key with a well-formed envelope; the envelope is never opened by a passphrase.
 * For bundles that never leave the server (snapshots, server-side duplicates).
 */
export function snapshotEncryption(): { encryption: BundleEncryption; key: FernetKey; raw: Buffer } {
  const raw = randomBytes(32);
  const key = parseFernetKey(raw);
  return {
    raw,
    key,
    encryption: {
      cipher: "fernet",
      kdf: "pbkdf2-sha256",
      iterations: BUNDLE_KDF_ITERATIONS,
      salt: randomBytes(16).toString("base64"),
      verifier: fernetEncrypt(key, VERIFIER_PLAINTEXT),
    },
  };
}

export interface TakenSnapshot {
  id: string;
  models: number;
  bytes: number;
  compressedBytes: number;
}

export async function takeSnapshot(options: {
  client: PgClient;
  tenantId: string;
  tenantSlug: string;
  projectId: string;
  wrappedDataKey: string;
  actorEmail: string;
  reason: "project.import" | "model.import" | "project.restore";
  mode: string;
}): Promise<TakenSnapshot> {
  const { client } = options;
  const { encryption, key, raw } = snapshotEncryption();
  const gzip = createGzip({ level: zlib.Z_BEST_SPEED });
  const compressed: Buffer[] = [];
  gzip.on("data", (chunk: Buffer) => compressed.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    gzip.once("end", resolve);
    gzip.once("error", reject);
  });
  const stats = await writeProjectBundle(
    {
      client,
      projectId: options.projectId,
      scope: "project",
      sections: [...OPTIONAL_SECTIONS],
      meta: {
        exportedAt: new Date().toISOString(),
        exportedBy: options.actorEmail,
        source: { tenant: options.tenantSlug, instance: instanceName() },
      },
      encryption: { encryption, key },
    },
    (chunk) =>
      new Promise<void>((resolve) => {
        if (gzip.write(chunk)) resolve();
        else gzip.once("drain", resolve);
      }),
  );
  gzip.end();
  await finished;
  const content = Buffer.concat(compressed);
  const sealedKey = cipherFor(unwrapDataKey(options.wrappedDataKey)).encrypt({ key: raw.toString("base64") });
  const id = crypto.randomUUID();
  await client.query(
    `INSERT INTO "${ProjectSnapshotTable.name}" (${columnList(ProjectSnapshotTable, [
      "id",
      "tenantId",
      "projectId",
      "createdBy",
      "reason",
      "mode",
      "models",
      "bytes",
      "content",
      "sealedKey",
    ])}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      id,
      options.tenantId,
      options.projectId,
      options.actorEmail,
      options.reason,
      options.mode,
      stats.models,
      stats.bytes,
      content,
      sealedKey,
    ],
  );
  // Retention, in the same transaction: the newest N stay (this one included).
  await client.query(
    `DELETE FROM "${ProjectSnapshotTable.name}" WHERE "projectId" = $1 AND id NOT IN (
       SELECT id FROM "${ProjectSnapshotTable.name}" WHERE "projectId" = $1 ORDER BY "createdAt" DESC, id DESC LIMIT $2)`,
    [options.projectId, snapshotRetention()],
  );
  return { id, models: stats.models, bytes: stats.bytes, compressedBytes: content.length };
}

/** A stored snapshot opened: its bundle (credentials as tokens) and the key that opens them. */
export interface OpenedSnapshot {
  bundle: Bundle;
  key: FernetKey;
}

export function openSnapshot(row: { content: Uint8Array; sealedKey: string }, cipher: TenantCipher): OpenedSnapshot {
  const bytes = gunzipSync(row.content);
  const bundle = parseBundleBytes(bytes, Number.MAX_SAFE_INTEGER);
  const { key } = cipher.decrypt(row.sealedKey) as { key: string };
  return { bundle, key: parseFernetKey(Buffer.from(key, "base64")) };
}
