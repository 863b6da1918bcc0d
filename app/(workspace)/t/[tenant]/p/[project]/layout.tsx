import type { ReactNode } from "react";
import { ProjectTabs } from "@/components/projects/project-tabs";
import { Badge } from "@/components/ui/badge";
import { ReferenceNotice } from "@/components/projects/reference-notice";
import { atLeast, isTenantAdmin } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session-actor";
import { pageProject } from "@/lib/projects/page-project";
import { describeSource } from "@/lib/projects/reference";

export default async function ProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ tenant: string; project: string }>;
}) {
  const { tenant, project } = await params;
  const actor = await requirePageActor();
  const access = await pageProject(actor, tenant, project);
  return (
    <div className="grid max-w-6xl grid-cols-[minmax(0,1fr)] gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{access.project.displayName}</h1>
        <span className="text-sm text-muted-foreground">
          {access.tenant.slug}/{access.project.slug}
        </span>
        <Badge variant="secondary" aria-label={`Your role: ${access.role}`}>
          {access.role}
        </Badge>
        {!access.project.active && <Badge variant="warning">inactive</Badge>}
        {access.project.reference && (
          <Badge variant="info" title={`Reference of ${describeSource(access.project.reference)}`}>
            Reference
          </Badge>
        )}
      </div>
      {access.project.reference && (
        <ReferenceNotice
          tenantSlug={tenant}
          projectSlug={project}
          source={access.project.reference}
          canDetach={isTenantAdmin(actor, access.tenant.id)}
        />
      )}
      <ProjectTabs base={`/t/${tenant}/p/${project}`} admin={atLeast(access.role, "ADMIN")} />
      <div>{children}</div>
    </div>
  );
}
