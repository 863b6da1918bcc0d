import Link from "next/link";
import { CreateProjectForm } from "@/components/projects/create-project-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { isTenantAdmin } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session-actor";
import { listProjects } from "@/lib/projects/list-projects";
import { pageTenant } from "@/lib/tenants/page-tenant";

export default async function TenantHome({ params }: { params: Promise<{ tenant: string }> }) {
  const actor = await requirePageActor();
  const tenant = await pageTenant(actor, (await params).tenant);
  const projects = await listProjects({ actor, tenantId: tenant.id });
  const admin = isTenantAdmin(actor, tenant.id);
  return (
    <div className="grid max-w-5xl grid-cols-[minmax(0,1fr)] gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{tenant.name}</h1>
        <p className="text-sm text-muted-foreground">Semantic-layer projects in this tenant.</p>
      </div>
      {projects.length === 0 ? (
        <p className="rounded-md border border-dashed p-6 text-sm text-muted-foreground">
          {admin
            ? "No projects yet. Create one below, or import a project bundle."
            : "You have no access to a project in this tenant yet. Ask a tenant admin to grant you a role."}
        </p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {projects.map((project) => (
            <li key={project.slug}>
              <Link
                href={`/t/${tenant.slug}/p/${project.slug}`}
                className="block rounded-lg focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              >
                <Card className="h-full hover:border-primary/40">
                  <CardHeader>
                    <CardTitle>{project.displayName}</CardTitle>
                    <CardDescription>
                      {project.slug} · {project.modelCount} {project.modelCount === 1 ? "model" : "models"}
                    </CardDescription>
                    <div className="flex gap-1 pt-1">
                      <Badge variant="secondary">{project.role}</Badge>
                      {!project.active && <Badge variant="warning">inactive</Badge>}
                    </div>
                  </CardHeader>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {admin && <CreateProjectForm tenantSlug={tenant.slug} />}
    </div>
  );
}
