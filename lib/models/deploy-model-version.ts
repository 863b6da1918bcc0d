import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireProject } from "@/lib/projects/require-project";

/** Records which version is live. No warehouse is contacted (SPEC §10). */
export async function deployModelVersion(options: {
  actor: Actor;
  tenantSlug: string;
  projectSlug: string;
  modelSlug: string;
  number: number;
}): Promise<void> {
  const access = await requireProject({ ...options, minRole: "EDITOR", change: "operation" });
  const modelId = access.model!.id;
  const version = await db.modelVersion.findUnique({
    where: { modelId_number: { modelId, number: options.number } },
    select: { number: true },
  });
  if (!version)
    throw new AppError("NOT_FOUND", `Version ${options.number} of model "${options.modelSlug}" does not exist.`);
  await db.model.update({ where: { id: modelId }, data: { deployedVersion: version.number, deployedAt: new Date() } });
}
