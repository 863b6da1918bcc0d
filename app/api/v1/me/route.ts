import type { z } from "zod";
import { apiRoute, json } from "@/lib/http/api-route";
import type { meSchema } from "@/lib/validations/api-responses";

export const GET = apiRoute(async ({ actor }) =>
  json({
    email: actor.email,
    name: actor.name,
    isSystemAdmin: actor.isSystemAdmin,
    tenants: actor.memberships.map((m) => ({ slug: m.tenantSlug, name: m.tenantName, role: m.role })),
  } satisfies z.infer<typeof meSchema>),
);
