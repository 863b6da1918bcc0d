import "server-only";
import { db } from "@/lib/db";

export interface ModelOption {
  slug: string;
  name: string;
}

/** A project's models for pickers (agent contexts, recipes, model-scoped access). */
export async function listModelOptions(options: { projectId: string; slugs?: string[] }): Promise<ModelOption[]> {
  return db.model.findMany({
    where: { projectId: options.projectId, ...(options.slugs ? { slug: { in: options.slugs } } : {}) },
    select: { slug: true, name: true },
    orderBy: { slug: "asc" },
  });
}
