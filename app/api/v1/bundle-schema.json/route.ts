import { bundleJsonSchemaText } from "@/lib/bundle/json-schema";

// Public: the format is documentation, not data.
export function GET(): Response {
  return new Response(bundleJsonSchemaText(), {
    headers: { "content-type": "application/schema+json; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
}
