import { isTenantAdmin } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session-actor";
import { maxBundleBytes } from "@/lib/config/limits";
import { readTenantContext } from "@/lib/import/preview-import";
import { pageTenant } from "@/lib/tenants/page-tenant";
import { ImportWizard } from "./import-wizard";

/** The Import Project wizard for a tenant, as both the page and the Explorer's dialog show it. */
export async function ImportProjectPanel({ tenantSlug }: { tenantSlug: string }) {
  const actor = await requirePageActor();
  const tenant = await pageTenant(actor, tenantSlug);
  if (!isTenantAdmin(actor, tenant.id)) {
    return (
      <p className="rounded-md border border-dashed p-6 text-sm text-muted-foreground">
        Only a tenant admin of {tenant.name} can import projects.
      </p>
    );
  }
  const context = await readTenantContext(tenant.id);
  return <ImportWizard target={{ tenantSlug: tenant.slug, ...context }} maxBytes={maxBundleBytes()} />;
}

export const IMPORT_PROJECT_DESCRIPTION =
  "Bring a project bundle in: as a new project, or over an existing one. Everything happens in one transaction.";
