/// <reference lib="webworker" />
import { parseBundleBytes } from "@/lib/bundle/parse-bundle";
import { isAppError } from "@/lib/errors";
import { summarizeBundle } from "@/lib/import/summarize-bundle";

// Reads and validates a bundle off the main thread (a 100 MB file must not freeze the page).
// Posts back only what the wizard shows: the summary and the small encryption block.

export interface ReaderRequest {
  file: File;
  maxBytes: number;
}

self.onmessage = async (event: MessageEvent<ReaderRequest>) => {
  const { file, maxBytes } = event.data;
  try {
    const started = performance.now();
    const bundle = parseBundleBytes(new Uint8Array(await file.arrayBuffer()), maxBytes);
    self.postMessage({
      ok: true,
      summary: summarizeBundle(bundle),
      encryption: bundle.encryption ?? null,
      millis: performance.now() - started,
    });
  } catch (error) {
    const payload = isAppError(error)
      ? { code: error.code, message: error.message, details: error.details }
      : { code: "INVALID_BUNDLE", message: "The file could not be read." };
    self.postMessage({ ok: false, error: payload });
  }
};
