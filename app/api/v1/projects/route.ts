import type { z } from "zod";
import { apiRoute, json } from "@/lib/http/api-route";
import { parseSearchParams } from "@/lib/http/search-params";
import { listProjects } from "@/lib/projects/list-projects";
import { resolveTenant } from "@/lib/tenants/resolve-tenant";
import type { projectListSchema } from "@/lib/validations/api-responses";
import { tenantQuerySchema } from "@/lib/validations/tenant";

export const GET = apiRoute(async ({ request, actor }) => {
  const query = parseSearchParams(request, tenantQuerySchema);
  const tenant = query.tenant ? await resolveTenant({ actor, tenantSlug: query.tenant }) : undefined;
  const projects = await listProjects({ actor, tenantId: tenant?.id });
  return json({
    projects: projects.map((p) => ({
      tenant: p.tenantSlug,
      slug: p.slug,
      displayName: p.displayName,
      active: p.active,
      role: p.role,
      modelCount: p.modelCount,
    })),
  } satisfies z.infer<typeof projectListSchema>);
});
