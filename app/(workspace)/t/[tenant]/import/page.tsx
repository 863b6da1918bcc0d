import type { Metadata } from "next";
import { ImportWizard } from "@/components/import/import-wizard";
import { isTenantAdmin } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session-actor";
import { maxBundleBytes } from "@/lib/config/limits";
import { readTenantContext } from "@/lib/import/preview-import";
import { pageTenant } from "@/lib/tenants/page-tenant";

export const metadata: Metadata = { title: "Import project" };

export default async function ImportProjectPage({ params }: { params: Promise<{ tenant: string }> }) {
  const actor = await requirePageActor();
  const tenant = await pageTenant(actor, (await params).tenant);
  if (!isTenantAdmin(actor, tenant.id)) {
    return (
      <p className="rounded-md border border-dashed p-6 text-sm text-muted-foreground">
        Only a tenant admin of {tenant.name} can import projects.
      </p>
    );
  }
  const context = await readTenantContext(tenant.id);
  return (
    <div className="grid max-w-5xl gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Import project</h1>
        <p className="text-sm text-muted-foreground">
          Bring a project bundle into {tenant.name}: as a new project, or over an existing one. Everything happens in
          one transaction.
        </p>
      </div>
      <ImportWizard target={{ tenantSlug: tenant.slug, ...context }} maxBytes={maxBundleBytes()} />
    </div>
  );
}
