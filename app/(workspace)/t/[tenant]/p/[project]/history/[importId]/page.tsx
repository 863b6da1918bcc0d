import { ArrowLeftIcon } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StoredImportView } from "@/components/history/stored-import-view";
import { SectionHeader } from "@/components/shared/section-header";
import { atLeast } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session-actor";
import { isAppError } from "@/lib/errors";
import { getStoredImport } from "@/lib/history/history";
import { actionWords } from "@/lib/history/history-labels";
import { pageProject } from "@/lib/projects/page-project";

export const metadata = { title: "Import result" };

export default async function StoredImportPage({
  params,
}: {
  params: Promise<{ tenant: string; project: string; importId: string }>;
}) {
  const { tenant, project, importId } = await params;
  const actor = await requirePageActor();
  const access = await pageProject(actor, tenant, project);
  if (!atLeast(access.role, "ADMIN")) notFound();
  const stored = await getStoredImport({ actor, tenantSlug: tenant, projectSlug: project, importId }).catch(
    (error: unknown) => {
      if (isAppError(error)) notFound();
      throw error;
    },
  );
  const what = actionWords({
    action: stored.action,
    mode: stored.mode,
    outcome: "succeeded",
    target: `${tenant}/${project}`,
    details: {},
  });
  return (
    <section aria-labelledby="result-heading" className="grid gap-4">
      <Link
        href={`/t/${tenant}/p/${project}/history`}
        className="inline-flex w-fit items-center gap-1 text-sm text-primary hover:underline"
      >
        <ArrowLeftIcon className="size-4" aria-hidden /> History
      </Link>
      <SectionHeader
        id="result-heading"
        title={`${what}: result`}
        description="What it changed, and the checklist of what to do next. Items tick themselves once done; tick the others by hand."
      />
      <StoredImportView
        target={{ tenantSlug: tenant, projectSlug: project, importId }}
        first={stored}
        me={actor.email}
      />
    </section>
  );
}
