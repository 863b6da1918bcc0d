import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequiredAction } from "@/lib/import/import-report";
import type { ImportResult } from "@/lib/import/import-result";
import { resolveTenant } from "@/lib/tenants/resolve-tenant";
import { historyQuerySchema } from "@/lib/validations/history";
import type { ImportSource } from "./import-records";
import { requireHistoryAccess } from "./restore-snapshot";

// History (SPEC §12): every export, import, snapshot and restore of a project (or a tenant), read
// from the audit events, newest first, a page at a time; and an import's stored result with its
// required-actions checklist, whose items can be ticked and tick themselves when done.

export const HISTORY_ACTIONS = [
  "project.export",
  "model.export",
  "project.import",
  "model.import",
  "project.snapshot",
  "project.restore",
  "snapshot.download",
  "project.deploy-all",
  "project.refresh-all",
  "project.detach",
] as const;

export interface HistoryEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  outcome: string;
  /** tenant/project, or tenant/project/model. */
  target: string;
  project: string;
  mode?: string;
  source?: ImportSource;
  /** Per section: created/updated/skipped/deleted (imports); or what the export held. */
  counts?: Record<string, unknown>;
  warnings?: number;
  code?: string;
  importId?: string;
  snapshotId?: string;
  /** The stored result of an import or restore. */
  resultHref?: string;
  details: Record<string, unknown>;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  nextCursor?: string;
}

/** A `before` cursor sent by the browser (a server action's argument): checked like the route's. */
export function historyCursor(before: unknown): string | undefined {
  const parsed = historyQuerySchema.shape.before.safeParse(before);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "The page cursor is not valid: reload the history.");
  return parsed.data;
}

interface AuditRow {
  id: string;
  at: Date;
  actorEmail: string;
  action: string;
  target: string;
  summary: Record<string, unknown>;
}

function toEntry(row: AuditRow): HistoryEntry {
  const s = row.summary ?? {};
  const [tenant, project = ""] = row.target.split("/");
  const importId = typeof s.importId === "string" ? s.importId : undefined;
  const counts =
    (s.summary as Record<string, unknown> | undefined) ??
    (row.action.endsWith(".export")
      ? { models: s.models, sections: s.sections, credentials: s.credentials }
      : row.action === "project.snapshot"
        ? { models: s.models, bytes: s.bytes }
        : undefined);
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actorEmail,
    action: row.action,
    outcome: typeof s.outcome === "string" ? s.outcome : "succeeded",
    target: row.target,
    project,
    ...(typeof s.mode === "string" ? { mode: s.mode } : {}),
    ...(s.source ? { source: s.source as ImportSource } : {}),
    ...(counts ? { counts } : {}),
    ...(typeof s.warnings === "number" ? { warnings: s.warnings } : {}),
    ...(typeof s.code === "string" ? { code: s.code } : {}),
    ...(importId ? { importId, resultHref: `/t/${tenant}/p/${project}/history/${importId}` } : {}),
    ...(typeof s.snapshotId === "string" ? { snapshotId: s.snapshotId } : {}),
    details: s,
  };
}

async function readPage(
  where: { tenantId: string; target?: string },
  page: { limit?: number; before?: string },
): Promise<HistoryPage> {
  const limit = page.limit ?? 50;
  const [beforeAt, beforeId] = page.before ? page.before.split("_") : [undefined, undefined];
  // `at` is a UTC timestamp without zone (Prisma's DateTime).
  const cursorAt = beforeAt ? new Date(Number(beforeAt)).toISOString().replace("Z", "") : null;
  const rows = await db.$queryRaw<AuditRow[]>`
    SELECT id, at, "actorEmail", action, target, summary FROM "AuditEvent"
     WHERE "tenantId" = ${where.tenantId}::uuid
       AND action = ANY(${[...HISTORY_ACTIONS]}::text[])
       AND (${where.target ?? null}::text IS NULL OR target = ${where.target ?? ""} OR starts_with(target, ${`${where.target ?? ""}/`}))
       AND (${cursorAt}::text IS NULL OR (at, id) < (${cursorAt}::timestamp, ${beforeId ?? "00000000-0000-0000-0000-000000000000"}::uuid))
     ORDER BY at DESC, id DESC
     LIMIT ${limit + 1}`;
  const entries = rows.slice(0, limit).map(toEntry);
  const last = rows.length > limit ? rows[limit - 1]! : undefined;
  return { entries, ...(last ? { nextCursor: `${last.at.getTime()}_${last.id}` } : {}) };
}

/** A project's history: project ADMINs and tenant admins. */
export async function projectHistory(ref: {
  actor: Actor;
  tenantSlug?: string | null;
  projectSlug: string;
  page: { limit?: number; before?: string };
}): Promise<HistoryPage> {
  const access = await requireHistoryAccess(ref);
  return readPage({ tenantId: access.tenant.id, target: `${access.tenant.slug}/${access.project.slug}` }, ref.page);
}

/** A tenant's history, every project: tenant admins. */
export async function tenantHistory(ref: {
  actor: Actor;
  tenantSlug?: string | null;
  page: { limit?: number; before?: string };
}): Promise<HistoryPage> {
  const tenant = await resolveTenant({ actor: ref.actor, tenantSlug: ref.tenantSlug, requireAdmin: true });
  return readPage({ tenantId: tenant.id }, ref.page);
}

export interface ChecklistItem extends RequiredAction {
  index: number;
  /** Ticked by hand (who, when), or done by itself (the action's effect is there). */
  done: { by: string; at: string; auto: boolean } | null;
  /** Whether Ferry can tell by itself that it is done (else only a tick says so). */
  checkable: boolean;
}

export interface StoredImport {
  id: string;
  at: string;
  actor: string;
  action: string;
  mode: string;
  snapshotId: string | null;
  source: ImportSource;
  result: ImportResult;
  checklist: ChecklistItem[];
}

const isUuid = (value: string) => z.uuid().safeParse(value).success;

async function loadRecord(ref: { actor: Actor; tenantSlug?: string | null; projectSlug: string; importId: string }) {
  const access = await requireHistoryAccess(ref);
  const record = isUuid(ref.importId)
    ? await db.importRecord.findFirst({
        where: { id: ref.importId, projectId: access.project.id },
        include: { ticks: true },
      })
    : null;
  if (!record) throw new AppError("NOT_FOUND", `Import "${ref.importId}" was not found in this project's history.`);
  return { access, record };
}

/** An import's stored result with its checklist, each item's state worked out now. */
export async function getStoredImport(ref: {
  actor: Actor;
  tenantSlug?: string | null;
  projectSlug: string;
  importId: string;
}): Promise<StoredImport> {
  const { access, record } = await loadRecord(ref);
  const result = record.result as unknown as ImportResult;
  const actions = result.requiredActions ?? [];
  const auto = await autoDone(access.tenant.id, access.project.id, record.at, actions);
  return {
    id: record.id,
    at: record.at.toISOString(),
    actor: record.actorEmail,
    action: record.action,
    mode: record.mode,
    snapshotId: record.snapshotId,
    source: record.source as ImportSource,
    result: { ...result, importId: record.id },
    checklist: actions.map((action, index) => {
      const tick = record.ticks.find((t) => t.item === index);
      const doneAt = auto[index];
      return {
        ...action,
        index,
        checkable: action.kind !== "retest-agent",
        done: tick
          ? { by: tick.tickedBy, at: tick.tickedAt.toISOString(), auto: false }
          : doneAt
            ? { by: "Ferry", at: doneAt, auto: true }
            : null,
      };
    }),
  };
}

/** For each required action, when its effect became visible (or null): deployed, refreshed, entered. */
async function autoDone(
  tenantId: string,
  projectId: string,
  since: Date,
  actions: RequiredAction[],
): Promise<(string | null)[]> {
  const models = actions.flatMap((a) => (a.subject && "model" in a.subject ? [a.subject.model] : []));
  const connections = actions.flatMap((a) => (a.subject && "connection" in a.subject ? [a.subject.connection] : []));
  const llm = actions.flatMap((a) => (a.subject && "llmConfig" in a.subject ? [a.subject.llmConfig] : []));
  const [deployed, active, activeLlm, [materialized]] = await Promise.all([
    db.model.findMany({
      where: { projectId, slug: { in: models }, deployedAt: { gt: since } },
      select: { slug: true, deployedAt: true },
    }),
    db.connection.findMany({
      where: { tenantId, name: { in: connections }, status: "ACTIVE" },
      select: { name: true, updatedAt: true },
    }),
    db.llmConfig.findMany({ where: { projectId, name: { in: llm }, status: "ACTIVE" }, select: { name: true } }),
    db.$queryRaw<{ pending: number }[]>`
      SELECT (SELECT count(*) FROM "Aggregate" a JOIN "Model" m ON m.id = a."modelId" WHERE m."projectId" = ${projectId}::uuid AND a.status <> 'READY')::int
           + (SELECT count(*) FROM "PocketTable" t JOIN "Model" m ON m.id = t."modelId" WHERE m."projectId" = ${projectId}::uuid AND t.status <> 'FRESH')::int AS pending`,
  ]);
  const now = new Date().toISOString();
  return actions.map((action) => {
    const subject = action.subject ?? {};
    if (action.kind === "deploy-model" && "model" in subject)
      return deployed.find((m) => m.slug === subject.model)?.deployedAt?.toISOString() ?? null;
    if (action.kind === "refresh") return materialized && materialized.pending === 0 ? now : null;
    if ("connection" in subject)
      return active.find((c) => c.name === subject.connection)?.updatedAt.toISOString() ?? null;
    if ("llmConfig" in subject) return activeLlm.some((l) => l.name === subject.llmConfig) ? now : null;
    return null;
  });
}

/** Ticks or unticks a checklist item by hand (who, when; persisted). */
export async function tickChecklistItem(ref: {
  actor: Actor;
  tenantSlug?: string | null;
  projectSlug: string;
  importId: string;
  item: number;
  done: boolean;
}): Promise<StoredImport> {
  const { access, record } = await loadRecord(ref);
  const actions = (record.result as unknown as ImportResult).requiredActions ?? [];
  if (!Number.isInteger(ref.item) || ref.item < 0 || ref.item >= actions.length)
    throw new AppError("NOT_FOUND", `This import's checklist has no item ${ref.item}.`);
  if (ref.done)
    // The first tick stays (who and when); a concurrent second one is a no-op.
    await db.importChecklistTick.createMany({
      data: [{ importId: record.id, item: ref.item, tickedBy: ref.actor.email }],
      skipDuplicates: true,
    });
  else await db.importChecklistTick.deleteMany({ where: { importId: record.id, item: ref.item } });
  await writeAuditEvent({
    tenantId: access.tenant.id,
    actorEmail: ref.actor.email,
    action: "checklist.tick",
    target: `${access.tenant.slug}/${access.project.slug}`,
    summary: { outcome: "succeeded", importId: record.id, item: ref.item, done: ref.done },
  });
  return getStoredImport(ref);
}
