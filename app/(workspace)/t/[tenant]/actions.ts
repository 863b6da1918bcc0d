"use server";

import { tenantAction } from "@/lib/http/workspace-action";
import { createProject } from "@/lib/projects/create-project";

export async function createProjectAction(tenantSlug: string, input: unknown) {
  return tenantAction("createProject", tenantSlug, (context) => createProject({ ...context, input }));
}
