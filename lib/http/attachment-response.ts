import "server-only";
import { Readable } from "node:stream";

/** Streams a bundle to the client as a download. */
export function attachmentResponse(stream: Readable, filename: string): Response {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${safe}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
