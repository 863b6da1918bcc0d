import "server-only";
import { pgPool, type PgClient } from "@/lib/database/pg-transaction";
import { AuditEventTable } from "@/lib/database/tables";

// The one way an audit event is written. Inside a transaction (an import's) pass its client so
// the event commits or rolls back with the work; otherwise it is written on its own.

export type AuditAction =
  | "project.export"
  | "model.export"
  | "project.import"
  | "model.import"
  | "project.snapshot"
  | "project.restore"
  | "snapshot.download"
  | "checklist.tick"
  | "project.deploy-all"
  | "project.refresh-all"
  | "project.detach";

export interface AuditEvent {
  tenantId: string | null;
  actorEmail: string;
  action: AuditAction;
  /** tenant/project or tenant/project/model */
  target: string;
  summary: Record<string, unknown>;
}

export async function writeAuditEvent(event: AuditEvent, client?: PgClient): Promise<void> {
  await (client ?? pgPool()).query(
    // clock_timestamp(), not now(): events of one transaction (a snapshot, then its import) keep their order.
    `INSERT INTO "${AuditEventTable.name}" ("tenantId", "actorEmail", action, target, summary, at) VALUES ($1, $2, $3, $4, $5, clock_timestamp() AT TIME ZONE 'UTC')`,
    [event.tenantId, event.actorEmail, event.action, event.target, JSON.stringify(event.summary)],
  );
}
