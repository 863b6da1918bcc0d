import { notFound } from "next/navigation";
import { HistoryTable } from "@/components/history/history-table";
import { SectionHeader } from "@/components/shared/section-header";
import { atLeast, isTenantAdmin } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session-actor";
import { projectHistory } from "@/lib/history/history";
import { markKeptSnapshots } from "@/lib/history/mark-kept-snapshots";
import { pageProject } from "@/lib/projects/page-project";

export const metadata = { title: "History" };

export default async function ProjectHistoryPage({ params }: { params: Promise<{ tenant: string; project: string }> }) {
  const { tenant, project } = await params;
  const actor = await requirePageActor();
  const access = await pageProject(actor, tenant, project);
  // History is a project ADMIN's (or tenant admin's); to anyone else the tab does not exist.
  if (!atLeast(access.role, "ADMIN")) notFound();
  const first = await markKeptSnapshots(
    await projectHistory({ actor, tenantSlug: tenant, projectSlug: project, page: {} }),
  );
  const tenantAdmin = isTenantAdmin(actor, access.tenant.id);
  return (
    <section aria-labelledby="history-heading" className="grid gap-4">
      <SectionHeader
        id="history-heading"
        title="History"
        description={
          tenantAdmin
            ? "Exports, imports, the snapshot taken before each import, and restores. Restore a snapshot to undo an import."
            : "Exports, imports, the snapshot taken before each import, and restores. A tenant admin can restore a snapshot."
        }
      />
      <HistoryTable scope={{ tenantSlug: tenant, projectSlug: project }} first={first} tenantAdmin={tenantAdmin} />
    </section>
  );
}
