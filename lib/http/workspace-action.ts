import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireActionActor } from "@/lib/auth/session-actor";
import { AppError } from "@/lib/errors";
import { unstorableTextReason } from "@/lib/validations/storable";
import { runAction, type ActionResult } from "./action-result";

// Server action arguments come from the browser as arbitrary JSON-like values. They are checked
// here before reaching lib/: a spread of a client object could smuggle in an `actor`, and an
// object where a name belongs would become a Prisma filter ({ not: "" } matches every row).

/** Which project a project-tab action acts on; lib functions check the caller's role on it. */
export interface ProjectRef {
  tenantSlug: string;
  projectSlug: string;
}

const refSchema = z.object({ tenantSlug: z.string().min(1).max(63), projectSlug: z.string().min(1).max(63) });

/** A name, slug or key naming one row, as sent by the browser. */
export function rowKey(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 500 || unstorableTextReason(value))
    throw new AppError("INVALID_INPUT", "The request names no valid item.");
  return value;
}

/**
 * A tenant-level server action: authenticates the session, runs one lib call (which checks tenant
 * and role) and refreshes the tenant's pages (sidebar, project header and lists show the change).
 */
export async function tenantAction<T>(
  name: string,
  tenantSlug: unknown,
  body: (context: { actor: Actor; tenantSlug: string }) => Promise<T>,
): Promise<ActionResult<T>> {
  return runAction(name, async () => {
    const actor = await requireActionActor();
    const slug = rowKey(tenantSlug);
    const result = await body({ actor, tenantSlug: slug });
    revalidatePath(`/t/${slug}`, "layout");
    return result;
  });
}

/** A project-tab server action; see tenantAction. */
export async function projectAction<T>(
  name: string,
  ref: unknown,
  body: (context: { actor: Actor } & ProjectRef) => Promise<T>,
): Promise<ActionResult<T>> {
  const parsed = refSchema.safeParse(ref);
  const { tenantSlug, projectSlug } = parsed.success ? parsed.data : { tenantSlug: "", projectSlug: "" };
  return tenantAction(name, tenantSlug, ({ actor }) => body({ actor, tenantSlug, projectSlug: rowKey(projectSlug) }));
}
