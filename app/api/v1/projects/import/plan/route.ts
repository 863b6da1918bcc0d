import { apiRoute, json } from "@/lib/http/api-route";
import { readBundleUpload } from "@/lib/http/read-bundle-upload";
import { importModel } from "@/lib/import/import-model";
import { importProject } from "@/lib/import/import-project";
import { readImportInput } from "@/lib/import/read-import-input";

// The plan of an import (SPEC §11): the same body as the import, answered as a dry run — every
// item's action and changes, counts, warnings, required actions and the `planToken` to import with.
// A model bundle is planned against the project named by `projectSlug` (as Import Model would).
export const POST = apiRoute(
  async ({ request, actor }) => {
    const upload = await readBundleUpload(request);
    const plan = await upload.use(async () => {
      const { bundle, options } = await readImportInput(upload, undefined, { dryRun: true });
      const run = bundle.scope === "model" ? importModel : importProject;
      return run({ actor, bundle, options });
    });
    return json(plan);
  },
  { fallback: "IMPORT_FAILED" },
);
