import "server-only";
import { db } from "@/lib/db";

export interface ModelListItem {
  id: string;
  slug: string;
  name: string;
  connectionName: string | null;
  versionCount: number;
  latestVersion: number | null;
  deployedVersion: number | null;
  aggregates: { name: string; status: string }[];
  pockets: { name: string; status: string }[];
}

export async function listProjectModels(options: { projectId: string }): Promise<ModelListItem[]> {
  const models = await db.model.findMany({
    where: { projectId: options.projectId },
    orderBy: { slug: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      deployedVersion: true,
      connection: { select: { name: true } },
      versions: { select: { number: true }, orderBy: { number: "desc" }, take: 1 },
      _count: { select: { versions: true } },
      aggregates: { select: { name: true, status: true }, orderBy: { name: "asc" } },
      pocketTables: { select: { name: true, status: true }, orderBy: { name: "asc" } },
    },
  });
  return models.map((m) => ({
    id: m.id,
    slug: m.slug,
    name: m.name,
    connectionName: m.connection?.name ?? null,
    versionCount: m._count.versions,
    latestVersion: m.versions[0]?.number ?? null,
    deployedVersion: m.deployedVersion,
    aggregates: m.aggregates,
    pockets: m.pocketTables,
  }));
}
