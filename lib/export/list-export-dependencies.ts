import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { listJoinedModels, type JoinedModelItem } from "@/lib/models/list-joined-models";
import { requireProject } from "@/lib/projects/require-project";

/** The joined models the Export Model… dialog offers, for whoever may export the model (EDITOR). */
export async function listExportDependencies(options: {
  actor: Actor;
  tenantSlug: string;
  projectSlug: string;
  modelSlug: string;
}): Promise<JoinedModelItem[]> {
  const access = await requireProject({ ...options, minRole: "EDITOR", change: "operation" });
  return listJoinedModels({ projectId: access.project.id, modelSlug: access.model!.slug });
}
