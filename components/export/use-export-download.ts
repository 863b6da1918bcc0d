"use client";

import { useMutation } from "@tanstack/react-query";
import { prepareExportAction } from "@/app/(workspace)/t/[tenant]/p/[project]/export-actions";
import type { ExportContents } from "@/lib/export/export-tickets";

export interface ExportRef {
  tenantSlug: string;
  projectSlug: string;
  modelSlug?: string;
}

export interface DownloadedExport {
  filename: string;
  bytes: number;
  contents: ExportContents;
}

/**
 * Export as a mutation: the server action authorises and prepares a one-time URL, then the file
 * streams from the route handler (never through the React payload) and is saved under its name.
 * Fetching it here, rather than handing the URL to the browser, lets the dialog say how big it is.
 */
export function useExportDownload() {
  return useMutation({
    mutationFn: async ({ ref, options }: { ref: ExportRef; options: Record<string, unknown> }) => {
      const prepared = await prepareExportAction(ref, options);
      if (!prepared.ok) throw new Error(prepared.error.message);
      const response = await fetch(prepared.data.url);
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? "The download failed. Export again.");
      }
      const blob = await response.blob();
      saveFile(blob, prepared.data.filename);
      return { filename: prepared.data.filename, bytes: blob.size, contents: prepared.data.contents };
    },
  });
}

/** Hands a fetched file to the browser's download manager under its name. */
export function saveFile(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download manager; free it once that has started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
