"use server";

import { revalidatePath } from "next/cache";
import { requireActionActor } from "@/lib/auth/session-actor";
import { runAction } from "@/lib/http/action-result";
import { createProject } from "@/lib/projects/create-project";

export async function createProjectAction(tenantSlug: string, input: unknown) {
  return runAction("createProject", async () => {
    const actor = await requireActionActor();
    const project = await createProject({ actor, tenantSlug, input });
    revalidatePath(`/t/${tenantSlug}`, "layout");
    return project;
  });
}
