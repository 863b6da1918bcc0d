import { BindingRoleSelect, RevokeBindingButton } from "@/components/access/binding-controls";
import { GrantAccessForm } from "@/components/access/grant-access-form";
import { EmptyState } from "@/components/shared/empty-state";
import { SectionHeader } from "@/components/shared/section-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ListTableHeader } from "@/components/shared/list-table-header";
import { Table, TableBody, TableCell, TableRow } from "@/components/ui/table";
import { listAccessBindings } from "@/lib/access/list-access-bindings";
import { requirePageActor } from "@/lib/auth/session-actor";
import { listModelOptions } from "@/lib/models/list-model-options";
import { pageProject } from "@/lib/projects/page-project";
import { canConfigure } from "@/lib/projects/require-project";

export default async function AccessPage({ params }: { params: Promise<{ tenant: string; project: string }> }) {
  const { tenant, project } = await params;
  const actor = await requirePageActor();
  const access = await pageProject(actor, tenant, project);
  const canEdit = canConfigure(access, "ADMIN");
  const [bindings, models] = await Promise.all([
    listAccessBindings({ projectId: access.project.id }),
    canEdit ? listModelOptions({ projectId: access.project.id }) : [],
  ]);
  const projectRef = { tenantSlug: tenant, projectSlug: project };
  return (
    <section aria-labelledby="access-heading" className="grid gap-4">
      <SectionHeader
        id="access-heading"
        title="Access"
        description="Who may work on this project. Tenant admins and system admins are admins of every project without a binding here."
      />
      {bindings.length === 0 ? (
        <EmptyState>Nobody has a role on this project yet.</EmptyState>
      ) : (
        <Table>
          <ListTableHeader columns={["User", "Scope", "Role"]} actions={canEdit} />
          <TableBody>
            {bindings.map((b) => {
              const binding = {
                email: b.email,
                role: b.role,
                modelSlug: b.model?.slug ?? null,
                scopeLabel: b.model ? `model ${b.model.slug}` : "the whole project",
              };
              return (
                <TableRow key={`${b.email}:${b.model?.slug ?? ""}`}>
                  <TableCell>
                    <div className="font-medium">{b.name}</div>
                    <div className="text-xs text-muted-foreground">{b.email}</div>
                  </TableCell>
                  <TableCell>{b.model ? `Model: ${b.model.name}` : "Whole project"}</TableCell>
                  <TableCell>
                    {canEdit ? (
                      <BindingRoleSelect projectRef={projectRef} binding={binding} />
                    ) : (
                      <Badge variant="secondary">{b.role}</Badge>
                    )}
                  </TableCell>
                  {canEdit && (
                    <TableCell className="text-right">
                      <RevokeBindingButton projectRef={projectRef} binding={binding} />
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {canEdit && (
        <Card className="max-w-3xl">
          <CardHeader>
            <CardTitle>Grant access</CardTitle>
            <CardDescription>Give a member of the tenant a role on the whole project or on one model.</CardDescription>
          </CardHeader>
          <CardContent>
            <GrantAccessForm projectRef={projectRef} models={models} />
          </CardContent>
        </Card>
      )}
    </section>
  );
}
