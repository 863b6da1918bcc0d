import "server-only";
import { AppError } from "@/lib/errors";
import { requireProject } from "@/lib/projects/require-project";
import { checkCallerOptions, expectScope, runImport, unlockCredentials, type ImportRequest } from "./import-steps";
import type { ImportResult } from "./import-result";

/**
 * Imports a model bundle into an existing project (project ADMIN): create the model, or replace it
 * in place. Creating tenant connections on the way needs a tenant admin (checked in runImport).
 */
export async function importModel(request: ImportRequest): Promise<ImportResult> {
  const { actor, bundle, options } = request;
  const progress = request.onProgress ?? (() => {});
  checkCallerOptions(actor, options);
  expectScope(bundle, "model");
  if (!options.projectSlug)
    throw new AppError("INVALID_OPTIONS", "Name the project to import the model into (projectSlug).");
  const access = await requireProject({
    actor,
    tenantSlug: options.tenant,
    projectSlug: options.projectSlug,
    minRole: "ADMIN",
  });
  if (bundle.encryption) progress("checking the passphrase");
  const bundleKey = await unlockCredentials(actor, bundle, options);
  return runImport({
    actor,
    tenant: access.tenant,
    projectSlug: access.project.slug,
    bundle,
    options,
    bundleKey,
    onProgress: progress,
  });
}
