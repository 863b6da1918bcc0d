import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ByteSource } from "@/lib/bundle/byte-source";
import { parseUploadedBundle } from "@/lib/bundle/check-models-in-parallel";
import { maxBundleBytes } from "@/lib/config/limits";
import { suggestedConnectionAction } from "@/lib/bundle/sections/connection-actions";
import { readConnectionUsage } from "@/lib/connections/connection-usage";
import { db } from "@/lib/db";
import { resolveTenant } from "@/lib/tenants/resolve-tenant";
import { suggestFreeSlug } from "./plan-import";
import { summarizeBundle, type BundleSummary } from "./summarize-bundle";

export interface ImportPreview {
  summary: BundleSummary;
  target: {
    tenant: string;
    /** Whether the exported project slug is already taken in the tenant, with a free suggestion. */
    slugTaken: boolean;
    suggestedSlug: string;
    projects: { slug: string; displayName: string }[];
    connections: { name: string; type: string; projects: string[] }[];
  };
  /** One row per exported connection: what exists in the tenant, and what import would do by default. */
  connectionRows: {
    name: string;
    type: string;
    credentials: string;
    existing: { name: string; type: string } | null;
    candidates: string[];
    defaultAction: "create" | "map" | "pending" | null;
  }[];
}

/** Validates a bundle and shows what importing it into the tenant would meet (no writes). */
export async function previewImport(options: {
  actor: Actor;
  source: ByteSource;
  tenantSlug?: string | null;
}): Promise<ImportPreview> {
  const bundle = await parseUploadedBundle(options.source, maxBundleBytes());
  const tenant = await resolveTenant({ actor: options.actor, tenantSlug: options.tenantSlug, requireAdmin: true });
  const context = await readTenantContext(tenant.id);
  const summary = summarizeBundle(bundle);
  const slugs = context.projects.map((p) => p.slug);
  const byName = new Map(context.connections.map((c) => [c.name, c]));
  return {
    summary,
    target: {
      tenant: tenant.slug,
      slugTaken: slugs.includes(bundle.project.slug),
      suggestedSlug: suggestFreeSlug(bundle.project.slug, slugs),
      ...context,
    },
    connectionRows: summary.connections.map((c) => {
      const existing = byName.get(c.name);
      const candidates = context.connections.filter((t) => t.type === c.type).map((t) => t.name);
      const defaultAction = suggestedConnectionAction({ ...c, hasSecret: c.credentials === "encrypted" }, byName);
      return {
        ...c,
        existing: existing ? { name: existing.name, type: existing.type } : null,
        candidates,
        defaultAction,
      };
    }),
  };
}

/** The tenant's projects and connections (with who uses each), for the wizard's choices. */
export async function readTenantContext(
  tenantId: string,
): Promise<Pick<ImportPreview["target"], "projects" | "connections">> {
  const projects = await db.project.findMany({
    where: { tenantId },
    select: { slug: true, displayName: true },
    orderBy: { slug: "asc" },
  });
  const connections = await readConnectionUsage(tenantId);
  return {
    projects,
    connections: connections.map((c) => ({ name: c.name, type: c.type, projects: c.projects })),
  };
}
