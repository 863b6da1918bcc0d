import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { requireProject } from "@/lib/projects/require-project";

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
}): Promise<{ aggregates: number; pockets: number }> {
  const access = await requireProject({ ...options, minRole: "EDITOR" });
  const modelFilter = access.model ? { modelId: access.model.id } : { model: { projectId: access.project.id } };
  return db.$transaction(async (tx) => {
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
}
