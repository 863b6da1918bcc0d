import { openApiDocumentText } from "@/lib/openapi/api-document";

// Public, like the bundle's JSON Schema: the API's description is documentation, not data.
export function GET(): Response {
  return new Response(openApiDocumentText(), {
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
}
