import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireProject } from "@/lib/projects/require-project";
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
  const parsed = saveModelVersionSchema.safeParse(options.input);
  if (!parsed.success) {
    throw new AppError(
      "INVALID_INPUT",
      "The model definition is not valid.",
      parsed.error.issues.slice(0, 50).map((i) => ({ path: i.path.join("."), reason: i.message })),
    );
  }
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
        snapshot: parsed.data.draft as object,
        message: parsed.data.message,
        authorEmail: options.actor.email,
      },
    });
    await tx.model.update({ where: { id: modelId }, data: { draft: parsed.data.draft as object } });
    return { number };
  });
}
