import { DeployVersionButton } from "@/components/models/deploy-version-button";
import { ModelActionsMenu } from "@/components/models/model-actions-menu";
import { ModelDraftEditor } from "@/components/models/model-draft-editor";
import { RefreshProjectButton } from "@/components/models/refresh-button";
import { StatusBadge } from "@/components/models/status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { atLeast, isTenantAdmin } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session-actor";
import { getModelDetail } from "@/lib/models/get-model-detail";
import { pageProject } from "@/lib/projects/page-project";
import { canConfigure } from "@/lib/projects/require-project";
import { formatUtc } from "@/lib/utils";

export default async function ModelPage({
  params,
}: {
  params: Promise<{ tenant: string; project: string; model: string }>;
}) {
  const { tenant, project, model: modelSlug } = await params;
  const actor = await requirePageActor();
  const access = await pageProject(actor, tenant, project, modelSlug);
  const model = await getModelDetail({ modelId: access.model!.id });
  // Deploy, refresh and export operate a reference project; editing the draft configures it.
  const canEdit = atLeast(access.role, "EDITOR");
  const canEditDraft = canConfigure(access, "EDITOR");
  const ref = { tenantSlug: tenant, projectSlug: project, modelSlug };
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-xl font-semibold">{model.name}</h2>
        <span className="text-sm text-muted-foreground">{model.slug}</span>
        {model.deployedVersion ? (
          <Badge variant="success">deployed v{model.deployedVersion}</Badge>
        ) : (
          <Badge variant="warning">not deployed</Badge>
        )}
        <span className="text-sm text-muted-foreground">
          connection: {model.connection ? `${model.connection.name} (${model.connection.type})` : "none"}
        </span>
        {canEdit && (
          <div className="ml-auto">
            <ModelActionsMenu
              tenantSlug={tenant}
              projectSlug={project}
              projectName={access.project.displayName}
              model={{ slug: model.slug, name: model.name }}
              tenantAdmin={isTenantAdmin(actor, access.tenant.id)}
            />
          </div>
        )}
      </div>

      <Card>
        <CardHeader>
          <CardTitle as="h3">Draft</CardTitle>
        </CardHeader>
        <CardContent>
          <ModelDraftEditor modelRef={ref} draft={model.draft} canEdit={canEditDraft} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h3">Version history</CardTitle>
        </CardHeader>
        <CardContent>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Version</TableHead>
                <TableHead>Message</TableHead>
                <TableHead>Author</TableHead>
                <TableHead>Saved</TableHead>
                <TableHead>
                  <span className="sr-only">Deploy</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {model.versions.map((version) => (
                <TableRow key={version.number}>
                  <TableCell>v{version.number}</TableCell>
                  <TableCell>{version.message}</TableCell>
                  <TableCell>{version.authorEmail}</TableCell>
                  <TableCell>{formatUtc(version.createdAt)}</TableCell>
                  <TableCell className="text-right">
                    {model.deployedVersion === version.number ? (
                      <Badge variant="success">live</Badge>
                    ) : canEdit ? (
                      <DeployVersionButton
                        modelRef={ref}
                        modelName={model.name}
                        number={version.number}
                        liveVersion={model.deployedVersion}
                      />
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>

      <Card>
        <CardHeader className="flex-row items-center justify-between">
          <CardTitle as="h3">Aggregates and pockets</CardTitle>
          {canEdit && <RefreshProjectButton {...ref} />}
        </CardHeader>
        <CardContent className="grid gap-2">
          <p className="text-xs text-muted-foreground">
            Refresh runs the rebuild bookkeeping only: Ferry does not contact the warehouse yet.
          </p>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Kind</TableHead>
                <TableHead>Name</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Last built</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {model.aggregates.map((a) => (
                <TableRow key={`a-${a.name}`}>
                  <TableCell>aggregate</TableCell>
                  <TableCell>{a.name}</TableCell>
                  <TableCell>
                    <StatusBadge status={a.status} />
                  </TableCell>
                  <TableCell>{a.builtAt ? formatUtc(a.builtAt) : "never"}</TableCell>
                </TableRow>
              ))}
              {model.pocketTables.map((p) => (
                <TableRow key={`p-${p.name}`}>
                  <TableCell>pocket</TableCell>
                  <TableCell>{p.name}</TableCell>
                  <TableCell>
                    <StatusBadge status={p.status} />
                  </TableCell>
                  <TableCell>{p.refreshedAt ? formatUtc(p.refreshedAt) : "never"}</TableCell>
                </TableRow>
              ))}
              {model.aggregates.length + model.pocketTables.length === 0 && (
                <TableRow>
                  <TableCell colSpan={4} className="text-muted-foreground">
                    No aggregates or pockets.
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
