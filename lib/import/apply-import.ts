import "server-only";
import { decryptCredentials } from "@/lib/bundle/bundle-crypto";
import { SECTIONS, WRITE_ORDER } from "@/lib/bundle/sections";
import type { SectionWriteContext } from "@/lib/bundle/sections/contexts";
import type { FernetKey } from "@/lib/crypto/fernet";
import { bulkInsert, copyRows } from "@/lib/database/bulk-insert";
import type { PgClient } from "@/lib/database/pg-transaction";
import { ProjectTable } from "@/lib/database/tables";
import type { TenantCipher } from "@/lib/secrets/tenant-secrets";
import { insertMemberships, insertUsers } from "@/lib/users/insert-users";
import { faultPoint } from "./fault-point";
import type { ImportProgress } from "./import-phase";
import { isItemwiseMode, type ImportPlan } from "./plan-import";
import type { TargetContext } from "./read-import-target";

// Writes a plan inside the import's transaction, section by section in the registry's write
// order (each section's module owns its SQL; batched, no per-row round trips; versions by COPY).
// Any throw rolls everything back. Post-import resets by design: no deployed version, aggregates
// PENDING, pockets STALE (the report's checklist says what to do next).

export interface ApplyContext {
  client: PgClient;
  tenantId: string;
  plan: ImportPlan;
  context: TargetContext;
  /** Bundle key (when the bundle carries credentials) and the target tenant's cipher. */
  bundleKey: FernetKey | null;
  cipher: TenantCipher;
  onProgress?: ImportProgress;
}

export async function applyImport(ctx: ApplyContext): Promise<{ projectId: string }> {
  const { client, plan } = ctx;
  const progress: ImportProgress = ctx.onProgress ?? (() => {});

  // The project: create it, or clear the replaced project's content (its operational history stays).
  progress("project", 0, 1);
  let projectId = ctx.context.projectId;
  if (plan.scope === "project") {
    if (isItemwiseMode(plan.mode)) {
      if (plan.changes.project.action === "update")
        await client.query(
          `UPDATE "${ProjectTable.name}" SET "displayName" = $2, active = $3, "updatedAt" = now() WHERE id = $1`,
          [projectId, plan.project.displayName, plan.project.active],
        );
    } else if (plan.mode === "create") {
      projectId = crypto.randomUUID();
      await client.query(
        `INSERT INTO "${ProjectTable.name}" (id, "tenantId", slug, "displayName", active, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`,
        [projectId, ctx.tenantId, plan.project.slug, plan.project.displayName, plan.project.active],
      );
    } else {
      for (const section of SECTIONS) {
        for (const table of section.clears)
          await client.query(`DELETE FROM "${table}" WHERE "projectId" = $1`, [projectId]);
      }
      await client.query(
        `UPDATE "${ProjectTable.name}" SET "displayName" = $2, active = $3, "updatedAt" = now() WHERE id = $1`,
        [projectId, plan.project.displayName, plan.project.active],
      );
    }
  }
  if (plan.reference)
    await client.query(
      `UPDATE "${ProjectTable.name}" SET reference = true, "referenceSource" = $2, "updatedAt" = now() WHERE id = $1`,
      [projectId, JSON.stringify(plan.reference.source)],
    );
  faultPoint("project");

  const write: SectionWriteContext = {
    client,
    tenantId: ctx.tenantId,
    projectId: projectId!,
    plan,
    ids: {
      connections: new Map(ctx.context.connectionIds),
      models: new Map(),
      users: new Map(ctx.context.userIds),
    },
    secretOf: (credentials, path) => (ctx.bundleKey ? decryptCredentials(ctx.bundleKey, credentials, path) : null),
    seal: (secret) => ctx.cipher.encrypt(secret),
    progress,
    fault: (step) => faultPoint(step),
    bulkInsert,
    copyRows,
    insertUsers: (users) => insertUsers(client, users),
    insertMemberships: (userIds) => insertMemberships(client, ctx.tenantId, userIds),
  };
  if (isItemwiseMode(plan.mode)) {
    // Merge and skip-existing: exactly the plan's creates and updates, never a delete. Models the
    // import keeps are known by id for the bindings that name them.
    for (const [slug, id] of ctx.context.content?.modelIds ?? []) write.ids.models.set(slug, id);
    for (const section of WRITE_ORDER) {
      const writes = plan.changes.writes[section.key];
      if (section.key === "connections") {
        await section.write.create(write, section.items(plan.bundle.connections));
      } else if (writes) {
        if (writes.update.length > 0) await section.write.update(write, writes.update as never[]);
        if (writes.create.length > 0) await section.write.create(write, writes.create as never[]);
      }
      faultPoint(section.faultSteps[section.faultSteps.length - 1]!);
    }
    return { projectId: projectId! };
  }
  // Everything is created, except the models a model import replaces: those are updated in place.
  const inPlace = new Set(plan.modelsToUpdate);
  for (const section of WRITE_ORDER) {
    if (section.key === "recipes") progress("settings", 0, 1);
    if (section.key === "models") {
      const models = plan.bundle.models;
      if (inPlace.size > 0)
        await section.write.update(
          write,
          models.filter((m) => inPlace.has(m.slug)),
        );
      await section.write.create(write, inPlace.size > 0 ? models.filter((m) => !inPlace.has(m.slug)) : models);
    } else {
      await section.write.create(write, section.items(plan.bundle[section.key] as never) as never[]);
    }
    faultPoint(section.faultSteps[section.faultSteps.length - 1]!);
  }
  return { projectId: projectId! };
}
