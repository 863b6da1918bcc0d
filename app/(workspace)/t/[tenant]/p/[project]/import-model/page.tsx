import type { Metadata } from "next";
import { ImportWizard } from "@/components/import/import-wizard";
import { atLeast } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session-actor";
import { maxBundleBytes } from "@/lib/config/limits";
import { listProjectModels } from "@/lib/models/list-project-models";
import { readTenantContext } from "@/lib/import/preview-import";
import { pageProject } from "@/lib/projects/page-project";

export const metadata: Metadata = { title: "Import model" };

export default async function ImportModelPage({ params }: { params: Promise<{ tenant: string; project: string }> }) {
  const { tenant, project } = await params;
  const actor = await requirePageActor();
  const access = await pageProject(actor, tenant, project);
  if (!atLeast(access.role, "ADMIN"))
    return (
      <p className="rounded-md border border-dashed p-6 text-sm text-muted-foreground">
        Only a project admin can import models into {access.project.displayName}.
      </p>
    );
  const [context, models] = await Promise.all([
    readTenantContext(access.tenant.id),
    listProjectModels({ projectId: access.project.id }),
  ]);
  return (
    <section className="grid gap-4" aria-labelledby="import-model-heading">
      <div>
        <h2 id="import-model-heading" className="text-lg font-semibold">
          Import model
        </h2>
        <p className="text-sm text-muted-foreground">
          Bring one model (exported with Export Model…) into this project, with its history and the connections it uses.
        </p>
      </div>
      <ImportWizard
        target={{
          tenantSlug: access.tenant.slug,
          ...context,
          project: {
            slug: access.project.slug,
            displayName: access.project.displayName,
            modelSlugs: models.map((m) => m.slug),
          },
        }}
        maxBytes={maxBundleBytes()}
      />
    </section>
  );
}
