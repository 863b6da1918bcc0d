import "server-only";
import { db } from "@/lib/db";

export async function getModelDetail(options: { modelId: string }) {
  const model = await db.model.findUniqueOrThrow({
    where: { id: options.modelId },
    select: {
      slug: true,
      name: true,
      draft: true,
      deployedVersion: true,
      deployedAt: true,
      connection: { select: { name: true, type: true } },
      versions: {
        select: { number: true, message: true, authorEmail: true, createdAt: true },
        orderBy: { number: "desc" },
      },
      aggregates: { select: { name: true, status: true, builtAt: true, definition: true }, orderBy: { name: "asc" } },
      pocketTables: {
        select: { name: true, status: true, refreshedAt: true, definition: true },
        orderBy: { name: "asc" },
      },
    },
  });
  return model;
}
export type ModelDetail = Awaited<ReturnType<typeof getModelDetail>>;
