import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ImportResult } from "@/lib/import/import-result";
import { requireProject } from "@/lib/projects/require-project";
import type { deployAllResultSchema } from "@/lib/validations/api-responses";

/**
 * Deploy all (SPEC §12): every model an import listed, at the version that was live in its source,
 * in one transaction. The import is the one named, or the project's latest; models it did not
 * list (or listed without a live version) are left as they are.
 */
export async function deployAll(options: {
  actor: Actor;
  tenantSlug?: string | null;
  projectSlug: string;
  importId?: string;
}): Promise<z.infer<typeof deployAllResultSchema>> {
  const access = await requireProject({ ...options, minRole: "EDITOR", change: "operation" });
  const record = await db.importRecord.findFirst({
    where: { projectId: access.project.id, ...(options.importId ? { id: options.importId } : {}) },
    orderBy: { at: "desc" },
    select: { id: true, result: true },
  });
  if (!record)
    throw new AppError(
      "NOT_FOUND",
      options.importId
        ? `Import "${options.importId}" was not found in this project's history.`
        : "This project has no import to take live versions from: deploy models one by one.",
    );
  const wanted = ((record.result as unknown as ImportResult).requiredActions ?? []).flatMap((a) =>
    a.kind === "deploy-model" && a.subject && "model" in a.subject && a.subject.version
      ? [{ model: a.subject.model, version: a.subject.version }]
      : [],
  );
  const deployed = await db.$transaction(async (tx) => {
    const versions = await tx.modelVersion.findMany({
      where: { model: { projectId: access.project.id, slug: { in: wanted.map((w) => w.model) } } },
      select: { number: true, model: { select: { id: true, slug: true } } },
    });
    const done: { model: string; version: number }[] = [];
    const now = new Date();
    for (const want of wanted) {
      const version = versions.find((v) => v.model.slug === want.model && v.number === want.version);
      // A model renamed or deleted since the import, or a version gone: left as it is.
      if (!version) continue;
      await tx.model.update({
        where: { id: version.model.id },
        data: { deployedVersion: want.version, deployedAt: now },
      });
      done.push(want);
    }
    return done;
  });
  await writeAuditEvent({
    tenantId: access.tenant.id,
    actorEmail: options.actor.email,
    action: "project.deploy-all",
    target: `${access.tenant.slug}/${access.project.slug}`,
    summary: { outcome: "succeeded", importId: record.id, deployed: deployed.length },
  });
  return { deployed, importId: record.id };
}
