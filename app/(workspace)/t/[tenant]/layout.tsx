import type { ReactNode } from "react";
import { ExplorerHeader } from "@/components/explorer/explorer-header";
import { ProjectSidebar } from "@/components/explorer/project-sidebar";
import { isTenantAdmin } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session-actor";
import { listProjects } from "@/lib/projects/list-projects";
import { pageTenant } from "@/lib/tenants/page-tenant";
import { listActorTenants } from "@/lib/tenants/resolve-tenant";

export default async function TenantLayout({
  children,
  modal,
  params,
}: {
  children: ReactNode;
  /** A dialog opened by an intercepted route (the Import Project wizard), or nothing. */
  modal: ReactNode;
  params: Promise<{ tenant: string }>;
}) {
  const actor = await requirePageActor();
  const tenant = await pageTenant(actor, (await params).tenant);
  const [tenants, projects] = await Promise.all([
    listActorTenants({ actor }),
    listProjects({ actor, tenantId: tenant.id }),
  ]);
  const admin = isTenantAdmin(actor, tenant.id);
  // Where Duplicate project… may copy to: every tenant this user administers (this one first).
  const duplicateTargets = admin
    ? [tenant, ...tenants.filter((t) => t.id !== tenant.id && isTenantAdmin(actor, t.id))].map(({ slug, name }) => ({
        slug,
        name,
      }))
    : [];
  return (
    <div className="flex min-h-screen flex-col">
      <ExplorerHeader
        tenant={tenant}
        tenants={tenants}
        user={{ name: actor.name, email: actor.email, isSystemAdmin: actor.isSystemAdmin }}
        canImport={admin}
        canViewHistory={admin}
      />
      <div className="flex flex-1 flex-col md:flex-row">
        <ProjectSidebar
          tenantSlug={tenant.slug}
          projects={projects}
          canCreate={admin}
          duplicateTargets={duplicateTargets}
        />
        <main id="main-content" tabIndex={-1} className="min-w-0 flex-1 p-4 outline-none md:p-6">
          {children}
        </main>
      </div>
      {modal}
    </div>
  );
}
