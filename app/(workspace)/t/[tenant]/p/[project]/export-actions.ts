"use server";

import { requireActionActor } from "@/lib/auth/session-actor";
import { createExportTicket } from "@/lib/export/export-tickets";
import { runAction } from "@/lib/http/action-result";

/**
 * Authorises and prepares an export; the browser then downloads it from the returned one-time
 * URL (a bundle can be 100 MB: it never travels through the React payload).
 */
export async function prepareExportAction(ref: { tenantSlug: string; projectSlug: string; modelSlug?: string }, options: unknown) {
  return runAction("prepareExport", async () => {
    const actor = await requireActionActor();
    return createExportTicket({ actor, tenantSlug: ref.tenantSlug, projectSlug: ref.projectSlug, modelSlug: ref.modelSlug, options });
  });
}
