import { UploadIcon } from "lucide-react";
import Link from "next/link";
import { DeployAllButton } from "@/components/models/deploy-all-button";
import { ModelActionsMenu } from "@/components/models/model-actions-menu";
import { RefreshProjectButton } from "@/components/models/refresh-button";
import { StatusBadge } from "@/components/models/status-badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { atLeast, isTenantAdmin, projectRole } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session-actor";
import { listProjectModels } from "@/lib/models/list-project-models";
import { pageProject } from "@/lib/projects/page-project";
import { canConfigure } from "@/lib/projects/require-project";

export default async function ProjectModelsPage({ params }: { params: Promise<{ tenant: string; project: string }> }) {
  const { tenant, project } = await params;
  const actor = await requirePageActor();
  const access = await pageProject(actor, tenant, project);
  const models = await listProjectModels({ projectId: access.project.id });
  const base = `/t/${tenant}/p/${project}`;
  return (
    <section aria-labelledby="models-heading" className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="models-heading" className="text-lg font-semibold">
          Models
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          {canConfigure(access, "ADMIN") && (
            <Button variant="outline" size="sm" asChild>
              <Link href={`${base}/import-model`}>
                <UploadIcon /> Import model
              </Link>
            </Button>
          )}
          {atLeast(access.role, "EDITOR") && models.length > 0 && (
            <>
              <DeployAllButton tenantSlug={tenant} projectSlug={project} />
              <RefreshProjectButton tenantSlug={tenant} projectSlug={project} />
            </>
          )}
        </div>
      </div>
      {models.length === 0 ? (
        <p className="rounded-md border border-dashed p-6 text-sm text-muted-foreground">
          This project has no models yet. Import a bundle or create one from the API.
        </p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Model</TableHead>
              <TableHead>Connection</TableHead>
              <TableHead>Versions</TableHead>
              <TableHead>Deployed</TableHead>
              <TableHead>Aggregates</TableHead>
              <TableHead>Pockets</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {models.map((model) => (
              <TableRow key={model.slug}>
                <TableCell>
                  <Link href={`${base}/m/${model.slug}`} className="font-medium text-primary hover:underline">
                    {model.name}
                  </Link>
                  <div className="text-xs text-muted-foreground">{model.slug}</div>
                </TableCell>
                <TableCell>{model.connectionName ?? <span className="text-muted-foreground">none</span>}</TableCell>
                <TableCell>{model.versionCount}</TableCell>
                <TableCell>
                  {model.deployedVersion ? (
                    `v${model.deployedVersion}`
                  ) : (
                    <span className="text-muted-foreground">not deployed</span>
                  )}
                </TableCell>
                <TableCell>
                  <div className="flex flex-wrap gap-1">
                    {model.aggregates.length === 0 && <span className="text-muted-foreground">—</span>}
                    {model.aggregates.map((a) => (
                      <span key={a.name} className="inline-flex items-center gap-1 text-xs">
                        {a.name} <StatusBadge status={a.status} />
                      </span>
                    ))}
                  </div>
                </TableCell>
                <TableCell>
                  <div className="flex flex-wrap gap-1">
                    {model.pockets.length === 0 && <span className="text-muted-foreground">—</span>}
                    {model.pockets.map((p) => (
                      <span key={p.name} className="inline-flex items-center gap-1 text-xs">
                        {p.name} <StatusBadge status={p.status} />
                      </span>
                    ))}
                  </div>
                </TableCell>
                <TableCell className="text-right">
                  {/* A model-scoped EDITOR acts on that model only: the role is per row. */}
                  {atLeast(projectRole(actor, access.tenant.id, access.bindings, model.id), "EDITOR") && (
                    <ModelActionsMenu
                      tenantSlug={tenant}
                      projectSlug={project}
                      projectName={access.project.displayName}
                      model={{ slug: model.slug, name: model.name }}
                      tenantAdmin={isTenantAdmin(actor, access.tenant.id)}
                    />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
