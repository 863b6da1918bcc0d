import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { requireProject, type ProjectAccess } from "./require-project";

/** requireProject (VIEWER) for pages, once per request; what the caller cannot see is a 404. */
export const pageProject = cache(
  async (actor: Actor, tenantSlug: string, projectSlug: string, modelSlug?: string): Promise<ProjectAccess> => {
    try {
      return await requireProject({ actor, tenantSlug, projectSlug, modelSlug, minRole: "VIEWER" });
    } catch (error) {
      if (isAppError(error)) notFound();
      throw error;
    }
  },
);
