import { apiRoute, json } from "@/lib/http/api-route";

export const GET = apiRoute(async ({ actor }) =>
  json({
    email: actor.email,
    name: actor.name,
    isSystemAdmin: actor.isSystemAdmin,
    tenants: actor.memberships.map((m) => ({ slug: m.tenantSlug, name: m.tenantName, role: m.role })),
  }),
);
