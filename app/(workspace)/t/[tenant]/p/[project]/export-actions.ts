"use server";

import { createExportTicket } from "@/lib/export/export-tickets";
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
