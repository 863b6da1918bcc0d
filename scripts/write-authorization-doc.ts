// `npm run docs:authorization`: regenerates docs/authorization.md from the authorization matrix
// that test/authorization/authorization.test.ts checks.
import fs from "node:fs";
import { renderAuthorizationDoc } from "@/test/authorization/render-doc";

fs.writeFileSync("docs/authorization.md", renderAuthorizationDoc());
console.log("Wrote docs/authorization.md");
