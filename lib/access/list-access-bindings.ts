import "server-only";
import type { ProjectRole } from "@/generated/prisma/enums";
import { db } from "@/lib/db";

export interface AccessBindingItem {
  email: string;
  name: string;
  role: ProjectRole;
  /** null: the whole project. */
  model: { slug: string; name: string } | null;
}

export async function listAccessBindings(options: { projectId: string }): Promise<AccessBindingItem[]> {
  const bindings = await db.accessBinding.findMany({
    where: { projectId: options.projectId },
    select: {
      role: true,
      user: { select: { email: true, name: true } },
      model: { select: { slug: true, name: true } },
    },
  });
  return bindings
    .map((b) => ({ email: b.user.email, name: b.user.name, role: b.role, model: b.model }))
    .sort((a, b) => a.email.localeCompare(b.email) || (a.model?.slug ?? "").localeCompare(b.model?.slug ?? ""));
}
