import Link from "next/link";
import { ConnectionRowActions, NewConnectionButton } from "@/components/connections/connection-actions";
import { SecretBadge } from "@/components/shared/secret-badge";
import { StatusBadge } from "@/components/models/status-badge";
import { EmptyState } from "@/components/shared/empty-state";
import { SectionHeader } from "@/components/shared/section-header";
import { Alert } from "@/components/ui/alert";
import { ListTableHeader } from "@/components/shared/list-table-header";
import { Table, TableBody, TableCell, TableRow } from "@/components/ui/table";
import { isTenantAdmin } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session-actor";
import { listTenantConnections } from "@/lib/connections/list-tenant-connections";
import { pageTenant } from "@/lib/tenants/page-tenant";
import { CONNECTION_TYPE_LABELS, describeConnectionConfig } from "@/lib/validations/connection-fields";

export const metadata = { title: "Connections" };

export default async function TenantConnectionsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const actor = await requirePageActor();
  const tenant = await pageTenant(actor, (await params).tenant);
  const connections = await listTenantConnections({ actor, tenantId: tenant.id });
  const admin = isTenantAdmin(actor, tenant.id);
  return (
    <section aria-labelledby="connections-heading" className="grid max-w-6xl gap-4">
      <SectionHeader
        level={1}
        id="connections-heading"
        title="Connections"
        description={`Data connections of ${tenant.name}. Projects use them by linking them; secrets are encrypted and never shown again.`}
        action={admin && <NewConnectionButton tenantSlug={tenant.slug} />}
      />
      <Alert variant="info">
        Ferry stores and validates connection settings (required fields, ports, host names). It does not connect to your
        warehouses yet.
      </Alert>
      {connections.length === 0 ? (
        <EmptyState>
          {admin
            ? "No connections yet. Create one to use it in projects."
            : "No connections yet. A tenant admin can create them."}
        </EmptyState>
      ) : (
        <Table>
          <ListTableHeader columns={["Connection", "Type", "Status", "Secret", "Used by"]} actions={admin} />
          <TableBody>
            {connections.map((connection) => (
              <TableRow key={connection.name}>
                <TableCell>
                  <div className="font-medium">{connection.name}</div>
                  <div className="max-w-xs truncate text-xs text-muted-foreground">
                    {describeConnectionConfig(connection.type, connection.config)}
                  </div>
                </TableCell>
                <TableCell>{CONNECTION_TYPE_LABELS[connection.type]}</TableCell>
                <TableCell>
                  <StatusBadge status={connection.status} />
                </TableCell>
                <TableCell>
                  <SecretBadge set={connection.hasSecret} />
                </TableCell>
                <TableCell>
                  {connection.usedBy.length === 0 && connection.otherProjects === 0 ? (
                    <span className="text-muted-foreground">unused</span>
                  ) : (
                    <ul className="grid gap-0.5">
                      {connection.usedBy.map((use) => (
                        <li key={use.projectSlug}>
                          <Link
                            href={`/t/${tenant.slug}/p/${use.projectSlug}/connections`}
                            className="text-primary underline underline-offset-2"
                          >
                            {use.projectName}
                          </Link>
                          <span className="text-xs text-muted-foreground">
                            {" "}
                            {use.linked ? "linked" : "not linked"}
                            {use.models.length > 0 && ` · models: ${use.models.join(", ")}`}
                          </span>
                        </li>
                      ))}
                      {connection.otherProjects > 0 && (
                        <li className="text-xs text-muted-foreground">
                          and {connection.otherProjects} other {connection.otherProjects === 1 ? "project" : "projects"}
                        </li>
                      )}
                    </ul>
                  )}
                </TableCell>
                {admin && (
                  <TableCell>
                    <ConnectionRowActions
                      tenantSlug={tenant.slug}
                      connection={{
                        name: connection.name,
                        type: connection.type,
                        config: connection.config,
                        hasSecret: connection.hasSecret,
                      }}
                      inUse={connection.usedBy.length + connection.otherProjects > 0}
                    />
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
