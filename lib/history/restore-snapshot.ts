import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isTenantAdmin } from "@/lib/auth/permissions";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { createBundleEncryption, decryptCredentials, encryptCredentials } from "@/lib/bundle/bundle-crypto";
import { serializeBundle } from "@/lib/bundle/canonical-json";
import type { Bundle, BundleCredentials } from "@/lib/bundle/schema";
import type { FernetKey } from "@/lib/crypto/fernet";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ImportProgress } from "@/lib/import/import-phase";
import type { ImportResult } from "@/lib/import/import-result";
import { runImport } from "@/lib/import/import-steps";
import { requireProject, type ProjectAccess } from "@/lib/projects/require-project";
import { tenantCipher } from "@/lib/secrets/tenant-secrets";
import type { snapshotSummarySchema } from "@/lib/validations/api-responses";
import { downloadOptionsSchema, restoreOptionsSchema } from "@/lib/validations/history";
import { openSnapshot } from "./snapshots";

// Restore (SPEC §12): a snapshot goes back through the same plan-and-apply path as any import —
// replace mode, the snapshot's own key instead of a passphrase — so its plan is the diff back to
// that state, the current state is snapshotted first (a restore can be undone), and deployed
// versions come back as they were.

const isUuid = (value: string) => z.uuid().safeParse(value).success;

export interface SnapshotRef {
  actor: Actor;
  tenantSlug?: string | null;
  projectSlug: string;
  snapshotId: string;
}

export type SnapshotSummary = z.infer<typeof snapshotSummarySchema>;

/** The project and the caller's right to it: history needs a project ADMIN (or tenant admin). */
export async function requireHistoryAccess(ref: Omit<SnapshotRef, "snapshotId">): Promise<ProjectAccess> {
  return requireProject({
    actor: ref.actor,
    tenantSlug: ref.tenantSlug,
    projectSlug: ref.projectSlug,
    minRole: "ADMIN",
    // A restore undoes an import, reference updates included (docs/decisions.md).
    change: "operation",
  });
}

function requireTenantAdmin(access: ProjectAccess, actor: Actor, what: string): void {
  if (!isTenantAdmin(actor, access.tenant.id))
    throw new AppError("FORBIDDEN", `Only an admin of tenant "${access.tenant.slug}" can ${what}.`);
}

async function loadSnapshot(access: ProjectAccess, snapshotId: string) {
  const row = isUuid(snapshotId)
    ? await db.projectSnapshot.findFirst({ where: { id: snapshotId, projectId: access.project.id } })
    : null;
  if (!row)
    throw new AppError(
      "NOT_FOUND",
      `Snapshot "${snapshotId}" was not found for project "${access.project.slug}" (it may have been pruned: the newest ${process.env.FERRY_SNAPSHOT_RETENTION || 20} are kept).`,
    );
  return row;
}

export async function listSnapshots(ref: Omit<SnapshotRef, "snapshotId">): Promise<SnapshotSummary[]> {
  const access = await requireHistoryAccess(ref);
  const rows = await db.$queryRaw<
    {
      id: string;
      createdAt: Date;
      createdBy: string;
      reason: string;
      mode: string;
      models: number;
      bytes: bigint;
      compressedBytes: number;
    }[]
  >`SELECT id, "createdAt", "createdBy", reason, mode, models, bytes, octet_length(content) AS "compressedBytes"
      FROM "ProjectSnapshot" WHERE "projectId" = ${access.project.id}::uuid ORDER BY "createdAt" DESC, id DESC`;
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy,
    reason: r.reason,
    mode: r.mode,
    models: r.models,
    bytes: Number(r.bytes),
    compressedBytes: Number(r.compressedBytes),
  }));
}

export async function restoreSnapshot(
  ref: SnapshotRef & { options: unknown; onProgress?: ImportProgress },
): Promise<ImportResult> {
  const parsed = restoreOptionsSchema.safeParse(ref.options ?? {});
  if (!parsed.success)
    throw new AppError(
      "INVALID_OPTIONS",
      `The restore options are not valid: ${parsed.error.issues[0]!.path.join(".") || "options"}: ${parsed.error.issues[0]!.message}.`,
    );
  const access = await requireHistoryAccess(ref);
  requireTenantAdmin(access, ref.actor, "restore a snapshot");
  const row = await loadSnapshot(access, ref.snapshotId);
  const { bundle, key } = openSnapshot(row, await tenantCipher({ tenantId: access.tenant.id }));
  // Connections are the tenant's: a restore links the project back to the same-named connection
  // (keeping its current secret), and re-creates one deleted since from the snapshot.
  const existing = await db.connection.findMany({
    where: { tenantId: access.tenant.id, name: { in: (bundle.connections ?? []).map((c) => c.name) } },
    select: { name: true, type: true },
  });
  const connectionMapping = Object.fromEntries(
    (bundle.connections ?? []).map((c) => {
      const same = existing.find((e) => e.name === c.name);
      return [
        c.name,
        same && same.type === c.type
          ? { action: "map" as const, target: c.name }
          : { action: "create" as const, ...(same ? { name: `${c.name}-restored` } : {}) },
      ];
    }),
  );
  return runImport({
    actor: ref.actor,
    tenant: access.tenant,
    projectSlug: access.project.slug,
    bundle,
    options: {
      mode: "replace",
      tenant: access.tenant.slug,
      projectSlug: access.project.slug,
      displayName: bundle.project.displayName,
      connectionMapping,
      ...parsed.data,
    },
    bundleKey: key,
    onProgress: ref.onProgress ?? (() => {}),
    restore: {
      snapshotId: row.id,
      source: { snapshotId: row.id, snapshotAt: row.createdAt.toISOString(), project: access.project.slug },
    },
  });
}

/**
 * A snapshot as a bundle file: stripped (any project ADMIN with history access), or with its
 * credentials re-encrypted under a passphrase the caller chooses (tenant admin). The snapshot's
 * own key never leaves the server.
 */
export async function downloadSnapshot(
  ref: SnapshotRef & { options: unknown },
): Promise<{ filename: string; text: string; secrets: "all" | "none" }> {
  const parsed = downloadOptionsSchema.safeParse(ref.options ?? {});
  if (!parsed.success)
    throw new AppError(
      "INVALID_OPTIONS",
      `The download options are not valid: ${parsed.error.issues[0]!.path.join(".") || "options"}: ${parsed.error.issues[0]!.message}.`,
    );
  const access = await requireHistoryAccess(ref);
  const withCredentials = parsed.data.includeCredentials === true;
  if (withCredentials) requireTenantAdmin(access, ref.actor, "download a snapshot with credentials");
  const target = withCredentials ? await createBundleEncryption(parsed.data.passphrase ?? "") : null;
  const row = await loadSnapshot(access, ref.snapshotId);
  const { bundle, key } = openSnapshot(row, await tenantCipher({ tenantId: access.tenant.id }));
  const out = rewriteCredentials(bundle, key, target);
  await writeAuditEvent({
    tenantId: access.tenant.id,
    actorEmail: ref.actor.email,
    action: "snapshot.download",
    target: `${access.tenant.slug}/${access.project.slug}`,
    summary: { outcome: "succeeded", snapshotId: row.id, credentials: target ? "encrypted" : "stripped" },
  });
  const stamp = row.createdAt.toISOString().replace(/[:.]/g, "-");
  return {
    filename: `${access.project.slug}-snapshot-${stamp}.json`,
    text: serializeBundle(out),
    secrets: target ? "all" : "none",
  };
}

function rewriteCredentials(
  bundle: Bundle,
  key: FernetKey,
  target: Awaited<ReturnType<typeof createBundleEncryption>> | null,
): Bundle {
  const convert = (credentials: BundleCredentials, path: string): BundleCredentials => {
    if (!target) return "stripped";
    if (typeof credentials === "string") return credentials;
    const secret = decryptCredentials(key, credentials, path);
    return secret ? encryptCredentials(target.key, secret) : "none";
  };
  const { encryption: _snapshotKey, ...rest } = bundle;
  return {
    ...rest,
    ...(target ? { encryption: target.encryption } : {}),
    ...(bundle.connections
      ? {
          connections: bundle.connections.map((c, i) => ({
            ...c,
            credentials: convert(c.credentials, `connections.${i}`),
          })),
        }
      : {}),
    ...(bundle.llmConfigs
      ? {
          llmConfigs: bundle.llmConfigs.map((l, i) => ({
            ...l,
            credentials: convert(l.credentials, `llmConfigs.${i}`),
          })),
        }
      : {}),
  } as Bundle;
}
