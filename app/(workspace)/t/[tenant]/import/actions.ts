"use server";

import { revalidatePath } from "next/cache";
import { requireActionActor } from "@/lib/auth/session-actor";
import { AppError } from "@/lib/errors";
import { runAction } from "@/lib/http/action-result";
import { refuseCliOnlyImportOptions } from "@/lib/http/refuse-cli-only-import-options";
import { checkPassphrase } from "@/lib/import/check-passphrase";
import { importBundle } from "@/lib/import/import-bundle";

export async function checkPassphraseAction(encryption: unknown, passphrase: unknown) {
  return runAction("checkPassphrase", async () => {
    const actor = await requireActionActor();
    if (typeof passphrase !== "string") throw new AppError("PASSPHRASE_REQUIRED", "Enter the passphrase.");
    await checkPassphrase({ actor, encryption, passphrase });
  });
}

/** The wizard's final step: the bundle file and the options, as FormData (the body limit is the bundle limit). */
export async function importBundleAction(formData: FormData) {
  return runAction(
    "importBundle",
    async () => {
      const actor = await requireActionActor();
      const file = formData.get("bundle");
      if (!(file instanceof File)) throw new AppError("INVALID_OPTIONS", "Choose a bundle file to import.");
      let options: unknown;
      try {
        options = JSON.parse(String(formData.get("options") ?? "{}"));
      } catch {
        throw new AppError("INVALID_OPTIONS", "The import options are not valid JSON.");
      }
      const scope = formData.get("scope") === "model" ? "model" : "project";
      const result = await importBundle({ actor, bundle: new Uint8Array(await file.arrayBuffer()), options: refuseCliOnlyImportOptions(options), expectScope: scope });
      if (!result.dryRun) revalidatePath(`/t/${result.project.tenant}`, "layout");
      return result;
    },
    "IMPORT_FAILED",
  );
}
