import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireProject } from "@/lib/projects/require-project";

export async function deleteSetting(options: {
  actor: Actor;
  tenantSlug: string;
  projectSlug: string;
  settingKey: string;
}): Promise<void> {
  const access = await requireProject({ ...options, minRole: "ADMIN" });
  const deleted = await db.projectSetting.deleteMany({
    where: { projectId: access.project.id, key: options.settingKey },
  });
  if (deleted.count === 0)
    throw new AppError("NOT_FOUND", `Setting "${options.settingKey}" was not found in this project.`);
}
