"use client";

import { useCallback } from "react";
import type { BundleEncryption } from "@/lib/bundle/schema";
import type { BundleSummary } from "@/lib/import/summarize-bundle";

export type ReaderResult =
  | { ok: true; summary: BundleSummary; encryption: BundleEncryption | null; millis: number }
  | { ok: false; error: { code: string; message: string; details?: unknown } };

/** Reads and validates a bundle file in a Web Worker; the page stays responsive for large files. */
export function useBundleReader(maxBytes: number) {
  return useCallback(
    (file: File): Promise<ReaderResult> => {
      if (file.size > maxBytes) {
        const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
        return Promise.resolve({
          ok: false,
          error: { code: "PAYLOAD_TOO_LARGE", message: `The file is ${mb(file.size)}; the limit is ${mb(maxBytes)}.` },
        });
      }
      return new Promise((resolve) => {
        const worker = new Worker(new URL("./bundle-reader.worker.ts", import.meta.url), { type: "module" });
        worker.onmessage = (event: MessageEvent<ReaderResult>) => {
          resolve(event.data);
          worker.terminate();
        };
        worker.onerror = () => {
          resolve({ ok: false, error: { code: "INVALID_BUNDLE", message: "The file could not be read." } });
          worker.terminate();
        };
        worker.postMessage({ file, maxBytes });
      });
    },
    [maxBytes],
  );
}
