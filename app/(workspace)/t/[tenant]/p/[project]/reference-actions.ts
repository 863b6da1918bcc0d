"use server";

import { projectAction } from "@/lib/http/workspace-action";
import { detachProject } from "@/lib/projects/detach-project";

/** Detach… on a reference project (tenant admin): it becomes an ordinary project. */
export async function detachProjectAction(ref: { tenantSlug: string; projectSlug: string }) {
  return projectAction("detachProject", ref, (context) => detachProject(context));
}
