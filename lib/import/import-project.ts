import "server-only";
import { resolveTenant } from "@/lib/tenants/resolve-tenant";
import { checkCallerOptions, expectScope, runImport, unlockCredentials, type ImportRequest } from "./import-steps";
import type { ImportResult } from "./import-result";

/**
 * Imports a whole-project bundle (SPEC §4) into a tenant the caller administers: create a new
 * project or replace an existing one. `dryRun` plans against the live target and writes nothing.
 */
export async function importProject(request: ImportRequest): Promise<ImportResult> {
  const { actor, bundle, options } = request;
  const progress = request.onProgress ?? (() => {});
  checkCallerOptions(actor, options);
  expectScope(bundle, "project");
  const tenant = await resolveTenant({ actor, tenantSlug: options.tenant, requireAdmin: true });
  if (bundle.encryption) progress("checking the passphrase");
  const bundleKey = await unlockCredentials(actor, bundle, options);
  const projectSlug = options.projectSlug ?? bundle.project.slug;
  return runImport({ actor, tenant, projectSlug, bundle, options, bundleKey, onProgress: progress });
}
