import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isTenantAdmin } from "@/lib/auth/permissions";
import { openBundleEncryption } from "@/lib/bundle/bundle-crypto";
import { parseBundleBytes } from "@/lib/bundle/parse-bundle";
import type { Bundle } from "@/lib/bundle/schema";
import { maxBundleBytes } from "@/lib/config/limits";
import type { FernetKey } from "@/lib/crypto/fernet";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import { withPgTransaction } from "@/lib/database/pg-transaction";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { requireProject } from "@/lib/projects/require-project";
import { unwrapDataKey } from "@/lib/secrets/keys";
import { cipherFor } from "@/lib/secrets/tenant-secrets";
import { PASSPHRASE_ATTEMPTS_PER_MINUTE, withAttemptLimit } from "@/lib/security/rate-limit";
import { resolveTenant, type TenantRef } from "@/lib/tenants/resolve-tenant";
import { applyImport } from "./apply-import";
import { faultPoint } from "./fault-point";
import { parseImportOptions, type ImportOptions } from "./import-options";
import type { ImportReport } from "./import-report";
import { planImport, type ImportPlan } from "./plan-import";
import { readImportTarget } from "./read-import-target";

export interface ImportResult extends ImportReport {
  scope: Bundle["scope"];
  mode: ImportOptions["mode"];
  dryRun: boolean;
  project: { tenant: string; slug: string; displayName: string; href: string };
  connections: { exportedName: string; type: string; action: string; targetName: string; sharedWith: string[] }[];
  llmConfigs: { name: string; active: boolean }[];
}

export interface ImportRequest {
  actor: Actor;
  /** The uploaded file's bytes (or a function handing them over once), or an already parsed bundle. */
  bundle: Uint8Array | (() => Uint8Array) | Bundle;
  options: unknown;
  /** Set by the model-import route: only `scope: "model"` bundles are accepted there, and vice versa. */
  expectScope?: Bundle["scope"];
  /** Called as the import advances (phase, done, total), for progress reporting. */
  onProgress?: (phase: string, done?: number, total?: number) => void;
}

/**
 * Imports a bundle (SPEC §4): validate everything, check the passphrase against the verifier,
 * then plan and write in ONE transaction — any failure leaves the target exactly as before.
 * `dryRun` plans against the live target and reports without writing.
 */
export async function importBundle(request: ImportRequest): Promise<ImportResult> {
  const progress = request.onProgress ?? (() => {});
  const options = parseImportOptions(request.options);
  if (options.createUsers !== undefined && request.actor.via !== "cli") {
    // Creating accounts (and adding users of any tenant to this one) is an operator task (SPEC §4).
    throw new AppError(
      "FORBIDDEN",
      "Creating users during an import is an operator task: use the CLI (`npm run ferry -- import --create-users`).",
    );
  }
  progress("validating");
  const source = request.bundle;
  const bundle =
    source instanceof Uint8Array
      ? parseBundleBytes(source, maxBundleBytes())
      : typeof source === "function"
        ? parseBundleBytes(source(), maxBundleBytes())
        : source;
  const expectScope = request.expectScope ?? "project";
  if (bundle.scope !== expectScope) {
    throw new AppError(
      "INVALID_BUNDLE",
      bundle.scope === "model"
        ? "This is a model bundle: import it into an existing project (Import Model)."
        : "This is a whole-project bundle: use Import Project.",
      [{ path: "scope", reason: `expected "${expectScope}"` }],
    );
  }
  const { tenant, projectSlug } = await authorize(request.actor, bundle, options);
  if (bundle.encryption) progress("checking the passphrase");
  const bundleKey = await unlockCredentials(request.actor, bundle, options);
  progress("planning");

  let plan: ImportPlan | undefined;
  try {
    const result = await withPgTransaction(async (client) => {
      const context = await readImportTarget(client, {
        tenantId: tenant.id,
        tenantSlug: tenant.slug,
        projectSlug,
        bundle,
        lockProject: options.mode === "replace" || bundle.scope === "model",
      });
      plan = planImport(bundle, { ...options, projectSlug }, context.target);
      if (plan.connections.some((c) => c.action !== "map") && !isTenantAdmin(request.actor, tenant.id)) {
        throw new AppError(
          "FORBIDDEN",
          `Creating connections needs a tenant admin of "${tenant.slug}": map the model's connections to existing ones instead.`,
        );
      }
      if (options.dryRun) return plan;
      const cipher = cipherFor(unwrapDataKey(context.wrappedDataKey));
      await applyImport({ client, tenantId: tenant.id, plan, context, bundleKey, cipher, onProgress: progress });
      await client.query(
        `INSERT INTO "AuditEvent" ("tenantId", "actorEmail", action, target, summary) VALUES ($1, $2, $3, $4, $5)`,
        [
          tenant.id,
          request.actor.email,
          bundle.scope === "model" ? "model.import" : "project.import",
          `${tenant.slug}/${plan.project.slug}`,
          JSON.stringify(auditSummary(plan, "succeeded")),
        ],
      );
      faultPoint("audit");
      progress("committing");
      return plan;
    });
    return toResult(result, tenant, options);
  } catch (error) {
    const failure = mapFailure(error, plan ?? null, options);
    if (!options.dryRun) {
      await db.auditEvent
        .create({
          data: {
            tenantId: tenant.id,
            actorEmail: request.actor.email,
            action: bundle.scope === "model" ? "model.import" : "project.import",
            target: `${tenant.slug}/${plan?.project.slug ?? projectSlug}`,
            summary: { outcome: "failed", code: failure instanceof AppError ? failure.code : "IMPORT_FAILED" },
          },
        })
        .catch(() => {});
    }
    throw failure;
  }
}

async function authorize(
  actor: Actor,
  bundle: Bundle,
  options: ImportOptions,
): Promise<{ tenant: TenantRef; projectSlug: string }> {
  if (bundle.scope === "model") {
    if (!options.projectSlug)
      throw new AppError("INVALID_OPTIONS", "Name the project to import the model into (projectSlug).");
    const access = await requireProject({
      actor,
      tenantSlug: options.tenant,
      projectSlug: options.projectSlug,
      minRole: "ADMIN",
    });
    return { tenant: access.tenant, projectSlug: access.project.slug };
  }
  const tenant = await resolveTenant({ actor, tenantSlug: options.tenant, requireAdmin: true });
  return { tenant, projectSlug: options.projectSlug ?? bundle.project.slug };
}

/** Derives the bundle key and checks the verifier before anything else happens. */
async function unlockCredentials(actor: Actor, bundle: Bundle, options: ImportOptions): Promise<FernetKey | null> {
  if (!bundle.encryption) return null;
  if (!options.passphrase)
    throw new AppError(
      "PASSPHRASE_REQUIRED",
      "This bundle carries encrypted credentials: enter the passphrase it was exported with.",
    );
  const encryption = bundle.encryption;
  const passphrase = options.passphrase;
  const limits = [{ key: `passphrase:${actor.userId || actor.email}`, limit: PASSPHRASE_ATTEMPTS_PER_MINUTE }];
  return withAttemptLimit(
    { limits, what: "passphrase", isFailure: (error) => isAppError(error) && error.code === "WRONG_PASSPHRASE" },
    () => openBundleEncryption(encryption, passphrase),
  );
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

function auditSummary(plan: ImportPlan, outcome: string) {
  return {
    outcome,
    mode: plan.mode,
    scope: plan.scope,
    summary: plan.report.summary,
    renames: plan.renames,
    connections: plan.connections.map((c) => ({ from: c.exportedName, action: c.action, to: c.targetName })),
    warnings: plan.report.warnings.length,
  };
}

function toResult(plan: ImportPlan, tenant: TenantRef, options: ImportOptions): ImportResult {
  return {
    scope: plan.scope,
    mode: plan.mode,
    dryRun: options.dryRun === true,
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
    ...plan.report,
  };
}
