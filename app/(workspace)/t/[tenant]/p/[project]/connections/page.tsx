import Link from "next/link";
import { LinkConnectionForm, UnlinkConnectionButton } from "@/components/connections/link-connection-form";
import { SecretBadge } from "@/components/shared/secret-badge";
import { StatusBadge } from "@/components/models/status-badge";
import { EmptyState } from "@/components/shared/empty-state";
import { SectionHeader } from "@/components/shared/section-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ListTableHeader } from "@/components/shared/list-table-header";
import { Table, TableBody, TableCell, TableRow } from "@/components/ui/table";
import { requirePageActor } from "@/lib/auth/session-actor";
import { listProjectConnections } from "@/lib/connections/list-project-connections";
import { pageProject } from "@/lib/projects/page-project";
import { canConfigure } from "@/lib/projects/require-project";
import { CONNECTION_TYPE_LABELS } from "@/lib/validations/connection-fields";

export default async function ProjectConnectionsPage({
  params,
}: {
  params: Promise<{ tenant: string; project: string }>;
}) {
  const { tenant, project } = await params;
  const actor = await requirePageActor();
  const access = await pageProject(actor, tenant, project);
  const { connections, available } = await listProjectConnections({
    tenantId: access.tenant.id,
    projectId: access.project.id,
  });
  const canEdit = canConfigure(access, "ADMIN");
  const projectRef = { tenantSlug: tenant, projectSlug: project };
  return (
    <section aria-labelledby="project-connections-heading" className="grid gap-4">
      <SectionHeader
        id="project-connections-heading"
        title="Connections"
        description="Tenant connections this project uses. Its models may only use linked connections."
        action={
          <Link href={`/t/${tenant}/connections`} className="text-sm text-primary hover:underline">
            Manage tenant connections
          </Link>
        }
      />
      {connections.length === 0 ? (
        <EmptyState>No connection is linked to this project yet.{canEdit && " Link one below."}</EmptyState>
      ) : (
        <Table>
          <ListTableHeader columns={["Connection", "Type", "Status", "Secret", "Used by models"]} actions={canEdit} />
          <TableBody>
            {connections.map((connection) => (
              <TableRow key={connection.name}>
                <TableCell>
                  <span className="font-medium">{connection.name}</span>{" "}
                  {!connection.linked && <Badge variant="warning">not linked</Badge>}
                </TableCell>
                <TableCell>{CONNECTION_TYPE_LABELS[connection.type]}</TableCell>
                <TableCell>
                  <StatusBadge status={connection.status} />
                </TableCell>
                <TableCell>
                  <SecretBadge set={connection.hasSecret} />
                </TableCell>
                <TableCell>
                  {connection.models.length > 0 ? (
                    connection.models.join(", ")
                  ) : (
                    <span className="text-muted-foreground">none</span>
                  )}
                </TableCell>
                {canEdit && (
                  <TableCell className="text-right">
                    {connection.linked && <UnlinkConnectionButton projectRef={projectRef} name={connection.name} />}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canEdit && (
        <Card className="max-w-2xl">
          <CardHeader>
            <CardTitle>Link a connection</CardTitle>
            <CardDescription>
              Connections belong to the tenant; linking one lets this project&apos;s models use it.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <LinkConnectionForm projectRef={projectRef} available={available} />
          </CardContent>
        </Card>
      )}
    </section>
  );
}
