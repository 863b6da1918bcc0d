// `npm run docs:schema`: regenerates docs/bundle-schema.json from the zod schema.
import fs from "node:fs";
import { bundleJsonSchemaText } from "@/lib/bundle/json-schema";

fs.writeFileSync("docs/bundle-schema.json", bundleJsonSchemaText());
console.log("Wrote docs/bundle-schema.json");
