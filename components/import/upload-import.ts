"use client";

import type { ImportResult } from "@/lib/import/import-result";

export interface ImportProgress {
  /** 0..1 while the file uploads; null once the server has it. */
  uploaded: number | null;
  phase: string | null;
  done?: number;
  total?: number;
}

export type ImportOutcome =
  { ok: true; data: ImportResult } | { ok: false; error: { code: string; message: string; details?: unknown } };

/**
 * Posts the bundle and options to the import route with the browser session and follows it:
 * upload progress from XHR (fetch has none), then the server's NDJSON phases, then the result.
 */
export function uploadImport(options: {
  url: string;
  form: FormData;
  onProgress: (progress: ImportProgress) => void;
}): Promise<ImportOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let offset = 0;
    let outcome: ImportOutcome | null = null;
    const readLines = () => {
      const text = xhr.responseText;
      let newline = text.indexOf("\n", offset);
      while (newline >= 0) {
        const line = text.slice(offset, newline).trim();
        offset = newline + 1;
        newline = text.indexOf("\n", offset);
        if (!line) continue;
        const message = JSON.parse(line) as {
          phase?: string;
          done?: number;
          total?: number;
          result?: ImportResult;
          error?: { code: string; message: string; details?: unknown };
        };
        if (message.result) outcome = { ok: true, data: message.result };
        else if (message.error) outcome = { ok: false, error: message.error };
        else if (message.phase)
          options.onProgress({ uploaded: null, phase: message.phase, done: message.done, total: message.total });
      }
    };
    xhr.open("POST", options.url);
    xhr.setRequestHeader("accept", "application/x-ndjson");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress({ uploaded: event.loaded / event.total, phase: null });
    };
    xhr.upload.onload = () => options.onProgress({ uploaded: null, phase: "validating" });
    xhr.onprogress = readLines;
    xhr.onload = () => {
      if (xhr.getResponseHeader("content-type")?.includes("ndjson")) readLines();
      else {
        // Refused before the stream started (not signed in, too large…): a plain JSON error.
        try {
          const body = JSON.parse(xhr.responseText) as { error?: { code: string; message: string } };
          if (body.error) outcome = { ok: false, error: body.error };
        } catch {
          // Not JSON: handled below.
        }
      }
      resolve(
        outcome ?? {
          ok: false,
          error: {
            code: "IMPORT_FAILED",
            message: `The server answered ${xhr.status} without a result. Nothing was changed.`,
          },
        },
      );
    };
    xhr.onerror = () =>
      resolve({
        ok: false,
        error: {
          code: "IMPORT_FAILED",
          message: "The upload did not reach the server (connection lost). Nothing was changed.",
        },
      });
    xhr.send(options.form);
  });
}
