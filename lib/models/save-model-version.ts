import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { requireProject } from "@/lib/projects/require-project";
import { parseInput } from "@/lib/validations/parse-input";
import { saveModelVersionSchema } from "@/lib/validations/snapshot";

/** Saves the draft and records it as the next version (editors of the model). */
export async function saveModelVersion(options: {
  actor: Actor;
  tenantSlug: string;
  projectSlug: string;
  modelSlug: string;
  input: unknown;
}): Promise<{ number: number }> {
  const access = await requireProject({ ...options, minRole: "EDITOR" });
  const input = parseInput(saveModelVersionSchema, options.input);
  const modelId = access.model!.id;
  return db.$transaction(async (tx) => {
    // Lock the model row so two saves cannot take the same version number.
    await tx.$executeRaw`SELECT 1 FROM "Model" WHERE id = ${modelId}::uuid FOR UPDATE`;
    const latest = await tx.modelVersion.findFirst({
      where: { modelId },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    const number = (latest?.number ?? 0) + 1;
    await tx.modelVersion.create({
      data: {
        modelId,
        number,
        snapshot: input.draft as object,
        message: input.message,
        authorEmail: options.actor.email,
      },
    });
    await tx.model.update({ where: { id: modelId }, data: { draft: input.draft as object } });
    return { number };
  });
}
