"use server";

import { projectAction } from "@/lib/http/workspace-action";
import { duplicateProject } from "@/lib/projects/duplicate-project";

/** Duplicate project… (tenant admin): the copy is made server-side, secrets included. */
export async function duplicateProjectAction(ref: { tenantSlug: string; projectSlug: string }, options: unknown) {
  return projectAction("duplicateProject", ref, async (context) => {
    const result = await duplicateProject({ ...context, options });
    return { project: result.project, resultHref: result.resultHref ?? null, warnings: result.warnings.length };
  });
}
