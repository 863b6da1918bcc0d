import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { resolveTenant, type TenantRef } from "./resolve-tenant";

/** resolveTenant for pages: an invisible tenant renders the 404 page. */
export async function pageTenant(actor: Actor, tenantSlug: string): Promise<TenantRef> {
  try {
    return await resolveTenant({ actor, tenantSlug });
  } catch (error) {
    if (isAppError(error)) notFound();
    throw error;
  }
}
