import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isTenantAdmin } from "@/lib/auth/permissions";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Bundle } from "@/lib/bundle/schema";
import type { FernetKey } from "@/lib/crypto/fernet";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import { withPgTransaction } from "@/lib/database/pg-transaction";
import { AppError, isAppError } from "@/lib/errors";
import { unwrapDataKey } from "@/lib/secrets/keys";
import { cipherFor } from "@/lib/secrets/tenant-secrets";
import type { TenantRef } from "@/lib/tenants/resolve-tenant";
import { applyImport } from "./apply-import";
import { unlockBundleKey } from "./check-passphrase";
import { faultPoint } from "./fault-point";
import type { ImportOptions } from "./import-options";
import type { ImportProgress } from "./import-phase";
import type { ImportResult } from "./import-result";
import { checkSecrets } from "./check-secrets";
import { differingSnapshots } from "./compare-snapshots";
import { listedItems } from "./plan-changes";
import { planImport, selectAndRename, type ImportPlan } from "./plan-import";
import { computePlanToken } from "./plan-token";
import { readImportTarget } from "./read-import-target";
import { takeSnapshot, type TakenSnapshot } from "@/lib/history/snapshots";
import { bundleSource, restoreDeployments, writeImportRecord, type RestoreOf } from "@/lib/history/import-records";

// The steps both import orchestrators (import-project.ts, import-model.ts) are built from:
// caller checks, the scope check, the passphrase, and the one transaction that reads the target,
// plans, writes and audits — or, for a dry run, plans and stops.

export interface ImportRequest {
  actor: Actor;
  bundle: Bundle;
  options: ImportOptions;
  onProgress?: ImportProgress;
}

/** Options only some callers may use: creating users is an operator task (SPEC §4). */
export function checkCallerOptions(actor: Actor, options: ImportOptions): void {
  if (options.createUsers !== undefined && actor.via !== "cli") {
    throw new AppError(
      "FORBIDDEN",
      "Creating users during an import is an operator task: use the CLI (`npm run ferry -- import --create-users`).",
    );
  }
}

export function expectScope(bundle: Bundle, scope: Bundle["scope"]): void {
  if (bundle.scope === scope) return;
  throw new AppError(
    "INVALID_BUNDLE",
    bundle.scope === "model"
      ? "This is a model bundle: import it into an existing project (Import Model)."
      : "This is a whole-project bundle: use Import Project.",
    [{ path: "scope", reason: `expected "${scope}"` }],
  );
}

/** Derives the bundle key and checks the verifier before anything else happens. */
export async function unlockCredentials(
  actor: Actor,
  bundle: Bundle,
  options: ImportOptions,
): Promise<FernetKey | null> {
  if (!bundle.encryption) return null;
  if (!options.passphrase) {
    throw new AppError(
      "PASSPHRASE_REQUIRED",
      "This bundle carries encrypted credentials: enter the passphrase it was exported with.",
    );
  }
  return unlockBundleKey({ actor, encryption: bundle.encryption, passphrase: options.passphrase });
}

/** Plans and (unless a dry run) writes in ONE transaction; any failure leaves the target as it was. */
export async function runImport(options: {
  actor: Actor;
  tenant: TenantRef;
  projectSlug: string;
  bundle: Bundle;
  options: ImportOptions;
  bundleKey: FernetKey | null;
  onProgress: ImportProgress;
  /** A restore (SPEC §12): the snapshot it brings back; deployed versions come back too. */
  restore?: RestoreOf;
  /** For the plan token, instead of the bundle's bytes (see computePlanToken). */
  bundleIdentity?: string;
}): Promise<ImportResult> {
  const { actor, tenant, bundle, onProgress: progress } = options;
  const importOptions = options.options;
  checkSecrets(bundle, options.bundleKey);
  const action = options.restore ? "project.restore" : bundle.scope === "model" ? "model.import" : "project.import";
  progress("planning");
  let plan: ImportPlan | undefined;
  try {
    const result = await withPgTransaction(async (client) => {
      const context = await readImportTarget(client, {
        tenantId: tenant.id,
        tenantSlug: tenant.slug,
        projectSlug: options.projectSlug,
        bundle,
        lockProject: importOptions.mode !== "create" || bundle.scope === "model",
      });
      const planOptions = { ...importOptions, projectSlug: options.projectSlug };
      const content = context.target.content;
      if (content && context.projectId) {
        const { bundle: renamed } = selectAndRename(bundle, planOptions, context.target);
        content.differingSnapshots = await differingSnapshots(client, context.projectId, renamed, content.sections);
      }
      const planned = planImport(bundle, planOptions, context.target, { restore: options.restore !== undefined });
      plan = planned;
      if (plan.connections.some((c) => c.action !== "map") && !isTenantAdmin(actor, tenant.id)) {
        throw new AppError(
          "FORBIDDEN",
          `Creating connections needs a tenant admin of "${tenant.slug}": map the model's connections to existing ones instead.`,
        );
      }
      const planToken = await computePlanToken({
        client,
        tenantId: tenant.id,
        tenantSlug: tenant.slug,
        projectSlug: options.projectSlug,
        projectId: context.projectId,
        bundle,
        options: importOptions,
        target: context.target,
        plan,
        bundleIdentity: options.bundleIdentity,
      });
      if (importOptions.planToken && importOptions.planToken !== planToken) {
        throw new AppError(
          "PLAN_STALE",
          `The target changed since the plan was made (or the bundle or options differ): nothing was imported. Review the new plan and import again.`,
          { planToken },
        );
      }
      if (importOptions.dryRun) return { plan: planned, planToken, answer: undefined };
      // The safety net: the state this import changes, taken in its own transaction (SPEC §12).
      let snapshot: TakenSnapshot | undefined;
      if (context.projectId) {
        progress("snapshot");
        snapshot = await takeSnapshot({
          client,
          tenantId: tenant.id,
          tenantSlug: tenant.slug,
          projectId: context.projectId,
          wrappedDataKey: context.wrappedDataKey,
          actorEmail: actor.email,
          reason: action,
          mode: planned.mode,
        });
        await writeAuditEvent(
          {
            tenantId: tenant.id,
            actorEmail: actor.email,
            action: "project.snapshot",
            target: `${tenant.slug}/${plan.project.slug}`,
            summary: { outcome: "succeeded", snapshotId: snapshot.id, reason: action, ...snapshotStats(snapshot) },
          },
          client,
        );
      }
      const cipher = cipherFor(unwrapDataKey(context.wrappedDataKey));
      const { projectId } = await applyImport({
        client,
        tenantId: tenant.id,
        plan,
        context,
        bundleKey: options.bundleKey,
        cipher,
        onProgress: progress,
      });
      if (options.restore) await restoreDeployments(client, projectId, planned.bundle.models);
      const source = options.restore ? options.restore.source : bundleSource(bundle);
      const answer = toResult(planned, planToken, tenant, importOptions, options.restore !== undefined);
      const importId = await writeImportRecord(client, {
        tenantId: tenant.id,
        projectId,
        actorEmail: actor.email,
        action,
        mode: planned.mode,
        snapshotId: snapshot?.id ?? null,
        source,
        result: answer,
      });
      await writeAuditEvent(
        {
          tenantId: tenant.id,
          actorEmail: actor.email,
          action,
          target: `${tenant.slug}/${plan.project.slug}`,
          summary: { ...auditSummary(plan), importId, snapshotId: snapshot?.id ?? null, source },
        },
        client,
      );
      faultPoint("audit");
      progress("committing");
      return { plan: planned, planToken, answer: withRecord(answer, importId, snapshot) };
    });
    return (
      result.answer ?? toResult(result.plan, result.planToken, tenant, importOptions, options.restore !== undefined)
    );
  } catch (error) {
    const failure = mapFailure(error, plan ?? null, importOptions);
    if (!importOptions.dryRun) {
      await writeAuditEvent({
        tenantId: tenant.id,
        actorEmail: actor.email,
        action,
        target: `${tenant.slug}/${plan?.project.slug ?? options.projectSlug}`,
        summary: { outcome: "failed", code: failure instanceof AppError ? failure.code : "IMPORT_FAILED" },
      }).catch(() => {});
    }
    throw failure;
  }
}

function mapFailure(error: unknown, plan: ImportPlan | null, options: ImportOptions): unknown {
  if (isAppError(error)) return error;
  if (isUniqueViolation(error) && plan) {
    if (options.mode === "create" && plan.scope === "project") {
      return new AppError(
        "SLUG_TAKEN",
        `A project with the slug "${plan.project.slug}" was created in the meantime. Choose another slug or replace mode.`,
        { slug: plan.project.slug },
      );
    }
    return new AppError(
      "CONFLICT",
      "Something in the target changed while importing (a name was taken meanwhile). Nothing was changed; try again.",
    );
  }
  return error;
}

function auditSummary(plan: ImportPlan) {
  return {
    outcome: "succeeded",
    mode: plan.mode,
    scope: plan.scope,
    summary: plan.report.summary,
    ...(plan.changes.sections.some((s) => (s.counts.delete ?? 0) + (s.counts.unlink ?? 0) > 0)
      ? {
          deleted: Object.fromEntries(
            plan.changes.sections
              .filter((s) => (s.counts.delete ?? 0) + (s.counts.unlink ?? 0) > 0)
              .map((s) => [
                s.key,
                s.items
                  .filter((i) => i.action === "delete" || i.action === "unlink")
                  .map((i) => i.key)
                  .slice(0, 100),
              ]),
          ),
        }
      : {}),
    renames: plan.renames,
    ...(plan.reference ? { reference: plan.reference } : {}),
    connections: plan.connections.map((c) => ({ from: c.exportedName, action: c.action, to: c.targetName })),
    warnings: plan.report.warnings.length,
  };
}

function snapshotStats(snapshot: TakenSnapshot) {
  return { models: snapshot.models, bytes: snapshot.bytes, compressedBytes: snapshot.compressedBytes };
}

/** The stored result's own address, and the snapshot taken before (the way back). */
function withRecord(result: ImportResult, importId: string, snapshot: TakenSnapshot | undefined): ImportResult {
  return {
    ...result,
    importId,
    resultHref: `${result.project.href}/history/${importId}`,
    ...(snapshot ? { snapshot: { id: snapshot.id, ...snapshotStats(snapshot) } } : {}),
  };
}

function toResult(
  plan: ImportPlan,
  planToken: string,
  tenant: TenantRef,
  options: ImportOptions,
  restore: boolean,
): ImportResult {
  const report = restore
    ? // A restore brings deployed versions back: nothing to deploy.
      { ...plan.report, requiredActions: plan.report.requiredActions.filter((a) => a.kind !== "deploy-model") }
    : plan.report;
  return {
    scope: plan.scope,
    mode: plan.mode,
    dryRun: options.dryRun === true,
    planToken,
    plan: {
      changes: plan.changes.changes,
      project: plan.changes.project,
      // A plan lists every item (SPEC §11); an applied import's result, a bounded number per section.
      sections: options.dryRun ? plan.changes.sections : plan.changes.sections.map((section) => listedItems(section)),
    },
    project: {
      tenant: tenant.slug,
      slug: plan.project.slug,
      displayName: plan.project.displayName,
      href: `/t/${tenant.slug}/p/${plan.project.slug}`,
    },
    connections: plan.connections.map((c) => ({
      exportedName: c.exportedName,
      type: c.type,
      action: c.action,
      targetName: c.targetName,
      sharedWith: c.sharedWith,
    })),
    llmConfigs: plan.llmConfigs,
    reference: plan.reference,
    ...report,
  };
}
