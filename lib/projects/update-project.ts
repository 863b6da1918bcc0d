import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { requireProject } from "@/lib/projects/require-project";
import { updateProjectSchema } from "@/lib/validations/project";
import { parseInput } from "@/lib/validations/parse-input";

/** Renames a project or (de)activates it (project admins). The slug never changes here. */
export async function updateProject(options: {
  actor: Actor;
  tenantSlug: string;
  projectSlug: string;
  input: unknown;
}): Promise<{ displayName: string; active: boolean }> {
  const access = await requireProject({ ...options, minRole: "ADMIN" });
  const input = parseInput(updateProjectSchema, options.input);
  return db.project.update({
    where: { id: access.project.id },
    data: input,
    select: { displayName: true, active: true },
  });
}
