import { ProjectDetailsForm } from "@/components/settings/project-details-form";
import { NewSettingButton, SettingRowActions } from "@/components/settings/setting-actions";
import { EmptyState } from "@/components/shared/empty-state";
import { SectionHeader } from "@/components/shared/section-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ListTableHeader } from "@/components/shared/list-table-header";
import { Table, TableBody, TableCell, TableRow } from "@/components/ui/table";
import { requirePageActor } from "@/lib/auth/session-actor";
import { pageProject } from "@/lib/projects/page-project";
import { canConfigure } from "@/lib/projects/require-project";
import { listSettings } from "@/lib/settings/list-settings";
import { formatJson } from "@/lib/validations/json";

export default async function SettingsPage({ params }: { params: Promise<{ tenant: string; project: string }> }) {
  const { tenant, project } = await params;
  const actor = await requirePageActor();
  const access = await pageProject(actor, tenant, project);
  const settings = await listSettings({ projectId: access.project.id });
  const canEdit = canConfigure(access, "ADMIN");
  const projectRef = { tenantSlug: tenant, projectSlug: project };
  return (
    <div className="grid gap-6">
      <Card className="max-w-2xl">
        <CardHeader>
          <CardTitle>Project</CardTitle>
          <CardDescription>
            {canEdit
              ? "Rename the project or mark it inactive."
              : access.project.reference
                ? "Read-only: a reference project follows its source."
                : "Only project admins can change these."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {canEdit ? (
            <ProjectDetailsForm
              projectRef={projectRef}
              project={{ displayName: access.project.displayName, active: access.project.active }}
            />
          ) : (
            <dl className="grid grid-cols-[8rem_1fr] gap-2 text-sm">
              <dt className="text-muted-foreground">Display name</dt>
              <dd>{access.project.displayName}</dd>
              <dt className="text-muted-foreground">Slug</dt>
              <dd>{access.project.slug}</dd>
              <dt className="text-muted-foreground">Status</dt>
              <dd>
                {access.project.active ? (
                  <Badge variant="success">active</Badge>
                ) : (
                  <Badge variant="warning">inactive</Badge>
                )}
              </dd>
            </dl>
          )}
        </CardContent>
      </Card>

      <section aria-labelledby="settings-heading" className="grid gap-3">
        <SectionHeader
          id="settings-heading"
          title="Settings"
          description="Key/value settings of the project; each value is JSON."
          action={canEdit && <NewSettingButton projectRef={projectRef} />}
        />
        {settings.length === 0 ? (
          <EmptyState>This project has no settings yet.</EmptyState>
        ) : (
          <Table>
            <ListTableHeader columns={["Key", "Value"]} actions={canEdit} />
            <TableBody>
              {settings.map((setting) => (
                <TableRow key={setting.key}>
                  <TableCell className="font-medium">{setting.key}</TableCell>
                  <TableCell>
                    <code className="break-all text-xs">{formatJson(setting.value)}</code>
                  </TableCell>
                  {canEdit && (
                    <TableCell>
                      <SettingRowActions projectRef={projectRef} setting={setting} />
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
