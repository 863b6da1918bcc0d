import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** For the CLI: the tenant holding a project slug, when the operator did not name one. */
export async function findProjectTenant(options: { projectSlug: string }): Promise<string> {
  const projects = await db.project.findMany({
    where: { slug: options.projectSlug },
    select: { tenant: { select: { slug: true } } },
  });
  if (projects.length === 0)
    throw new AppError("PROJECT_NOT_FOUND", `No tenant has a project "${options.projectSlug}".`);
  if (projects.length > 1)
    throw new AppError(
      "INVALID_OPTIONS",
      `Tenants ${projects.map((p) => p.tenant.slug).join(", ")} all have a project "${options.projectSlug}": pass --tenant.`,
    );
  return projects[0]!.tenant.slug;
}

/** For the CLI: the only tenant of the instance, when the operator did not name one. */
export async function soleTenant(): Promise<string> {
  const tenants = await db.tenant.findMany({ select: { slug: true }, take: 2 });
  if (tenants.length !== 1)
    throw new AppError(
      "INVALID_OPTIONS",
      tenants.length === 0
        ? "This instance has no tenant yet: create one with `tenant create`."
        : "Name the target tenant with --tenant.",
    );
  return tenants[0]!.slug;
}
