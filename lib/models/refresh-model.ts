import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db";
import { requireProject } from "@/lib/projects/require-project";
import type { refreshResultSchema } from "@/lib/validations/api-responses";

/**
 * Runs the rebuild bookkeeping of a model's aggregates and pockets: BUILDING, then READY/FRESH
 * with timestamps. Ferry does not contact the warehouse yet (SPEC §10); the UI says so.
 * Without a model slug, refreshes every model of the project.
 */
export async function refreshModel(options: {
  actor: Actor;
  tenantSlug?: string | null;
  projectSlug: string;
  modelSlug?: string;
}): Promise<z.infer<typeof refreshResultSchema>> {
  const access = await requireProject({ ...options, minRole: "EDITOR", change: "operation" });
  const modelFilter = access.model ? { modelId: access.model.id } : { model: { projectId: access.project.id } };
  const counts = await db.$transaction(async (tx) => {
    await tx.aggregate.updateMany({ where: modelFilter, data: { status: "BUILDING" } });
    const now = new Date();
    const aggregates = await tx.aggregate.updateMany({
      where: { ...modelFilter, status: "BUILDING" },
      data: { status: "READY", builtAt: now },
    });
    const pockets = await tx.pocketTable.updateMany({
      where: modelFilter,
      data: { status: "FRESH", refreshedAt: now },
    });
    return { aggregates: aggregates.count, pockets: pockets.count };
  });
  // Refresh all is a follow-up of an import: the project's history shows it (SPEC §12).
  if (!access.model)
    await writeAuditEvent({
      tenantId: access.tenant.id,
      actorEmail: options.actor.email,
      action: "project.refresh-all",
      target: `${access.tenant.slug}/${access.project.slug}`,
      summary: { outcome: "succeeded", ...counts },
    });
  return counts;
}
