// `npm run docs:schema`: regenerates docs/bundle-schema.json from the zod schema, and the
// browser's section catalog from the registry.
import fs from "node:fs";
import { bundleJsonSchemaText } from "@/lib/bundle/json-schema";
import { sectionCatalog } from "@/lib/bundle/sections";

fs.writeFileSync("docs/bundle-schema.json", bundleJsonSchemaText());
console.log("Wrote docs/bundle-schema.json");
fs.writeFileSync("lib/bundle/sections/catalog.json", `${JSON.stringify(sectionCatalog(), null, 2)}\n`);
console.log("Wrote lib/bundle/sections/catalog.json");
