import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireProject } from "@/lib/projects/require-project";
import { fieldError, parseInput } from "@/lib/validations/parse-input";
import { settingInputSchema } from "@/lib/validations/setting";

/** Adds a setting, or updates (and possibly renames) the one with key `settingKey` (project admins). */
export async function saveSetting(options: {
  actor: Actor;
  tenantSlug: string;
  projectSlug: string;
  settingKey?: string;
  input: unknown;
}): Promise<{ key: string }> {
  const access = await requireProject({ ...options, minRole: "ADMIN" });
  const input = parseInput(settingInputSchema, options.input);
  // JSON null is a legitimate setting value; Prisma wants it spelled as its JsonNull marker.
  const data = {
    key: input.key,
    value: input.value === null ? Prisma.JsonNull : (input.value as Prisma.InputJsonValue),
  };
  try {
    if (options.settingKey === undefined)
      return await db.projectSetting.create({ data: { ...data, projectId: access.project.id }, select: { key: true } });
    const updated = await db.projectSetting.updateMany({
      where: { projectId: access.project.id, key: options.settingKey },
      data,
    });
    if (updated.count === 0)
      throw new AppError("NOT_FOUND", `Setting "${options.settingKey}" was not found in this project.`);
    return { key: input.key };
  } catch (error) {
    if (isUniqueViolation(error))
      throw fieldError("NAME_TAKEN", "key", `This project already has a setting "${input.key}".`);
    throw error;
  }
}
