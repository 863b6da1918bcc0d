// `npm run docs:openapi`: regenerates docs/openapi.json, the OpenAPI 3.1 description of /api/v1,
// from the routes' zod schemas (the same text GET /api/v1/openapi.json answers).
import fs from "node:fs";
import { openApiDocumentText } from "@/lib/openapi/api-document";

fs.writeFileSync("docs/openapi.json", openApiDocumentText());
console.log("Wrote docs/openapi.json");
