import { notFound } from "next/navigation";
import { HistoryTable } from "@/components/history/history-table";
import { SectionHeader } from "@/components/shared/section-header";
import { isTenantAdmin } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session-actor";
import { tenantHistory } from "@/lib/history/history";
import { markKeptSnapshots } from "@/lib/history/mark-kept-snapshots";
import { pageTenant } from "@/lib/tenants/page-tenant";

export const metadata = { title: "History" };

export default async function TenantHistoryPage({ params }: { params: Promise<{ tenant: string }> }) {
  const actor = await requirePageActor();
  const tenant = await pageTenant(actor, (await params).tenant);
  if (!isTenantAdmin(actor, tenant.id)) notFound();
  const first = await markKeptSnapshots(await tenantHistory({ actor, tenantSlug: tenant.slug, page: {} }));
  return (
    <section aria-labelledby="history-heading" className="grid max-w-6xl grid-cols-[minmax(0,1fr)] gap-4">
      <SectionHeader
        level={1}
        id="history-heading"
        title="History"
        description={`Exports, imports, snapshots and restores of every project of ${tenant.name}, newest first.`}
      />
      <HistoryTable scope={{ tenantSlug: tenant.slug }} first={first} tenantAdmin />
    </section>
  );
}
