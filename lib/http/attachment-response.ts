import "server-only";
import { Readable } from "node:stream";

/**
 * Streams a bundle to the client as a download. `no-transform` keeps Next's built-in gzip off:
 * compressing 100 MB on the app server costs more CPU than reading the project from the database
 * (SPEC §7: bounded by the database); a reverse proxy can compress when downloads cross slow links.
 */
export function attachmentResponse(
  stream: Readable,
  filename: string,
  extraHeaders: Record<string, string> = {},
): Response {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${safe}"`,
      "cache-control": "no-store, no-transform",
      "x-content-type-options": "nosniff",
      ...extraHeaders,
    },
  });
}
