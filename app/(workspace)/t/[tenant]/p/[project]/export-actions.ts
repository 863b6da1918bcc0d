"use server";

import { requireActionActor } from "@/lib/auth/session-actor";
import { createExportTicket } from "@/lib/export/export-tickets";
import { listExportDependencies } from "@/lib/export/list-export-dependencies";
import { runAction } from "@/lib/http/action-result";
import { projectAction, rowKey } from "@/lib/http/workspace-action";

/**
 * Authorises and prepares an export; the browser then downloads it from the returned one-time
 * URL (a bundle can be 100 MB: it never travels through the React payload).
 */
export async function prepareExportAction(
  ref: { tenantSlug: string; projectSlug: string; modelSlug?: string },
  options: unknown,
) {
  return projectAction("prepareExport", ref, (context) =>
    createExportTicket({
      ...context,
      modelSlug: ref.modelSlug === undefined ? undefined : rowKey(ref.modelSlug),
      options,
    }),
  );
}

/** The models a model joins to (transitively), for the Export Model… dialog. Reads only. */
export async function listExportDependenciesAction(ref: {
  tenantSlug: string;
  projectSlug: string;
  modelSlug: string;
}) {
  return runAction("listExportDependencies", async () =>
    listExportDependencies({
      actor: await requireActionActor(),
      tenantSlug: rowKey(ref?.tenantSlug),
      projectSlug: rowKey(ref?.projectSlug),
      modelSlug: rowKey(ref?.modelSlug),
    }),
  );
}
