import "server-only";
import os from "node:os";
import type { Readable } from "node:stream";
import type { Actor } from "@/lib/auth/actor";
import { createBundleEncryption } from "@/lib/bundle/bundle-crypto";
import type { BundleEncryption, OptionalSection } from "@/lib/bundle/schema";
import type { FernetKey } from "@/lib/crypto/fernet";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db";
import { isTenantAdmin } from "@/lib/auth/permissions";
import { AppError, isAppError } from "@/lib/errors";
import { listJoinedModels } from "@/lib/models/list-joined-models";
import { requireProject } from "@/lib/projects/require-project";
import { parseExportOptions, type ExportSettings } from "./export-options";
import { streamInTransaction } from "./stream-in-transaction";
import { writeProjectBundle, type WrittenBundleStats } from "./write-project-bundle";

export interface PreparedExport {
  filename: string;
  /** The optional sections the bundle carries. */
  sections: OptionalSection[];
  /** The bundle's canonical bytes, read in one consistent snapshot. Start it once. */
  open(): Readable;
  /** Which secrets it carries (see ExportTarget.secrets); routes answer it as `X-Ferry-Credentials`. */
  secrets: ExportSecrets;
}

export interface ExportRequest {
  actor: Actor;
  tenantSlug?: string | null;
  projectSlug: string;
  /** Model export (scope "model") when set. */
  modelSlug?: string;
  options: unknown;
}

/**
 * Everything that can fail for a reason the caller should hear about happens here, before the
 * first byte is sent: role check (project ADMIN, or model EDITOR), option validation, key
 * derivation. What streams afterwards is only the read.
 */
export async function prepareExport(request: ExportRequest): Promise<PreparedExport> {
  return exportFromAccess(await authorizeExport(request));
}

/** Role check, option validation and (with credentials) key derivation — no reading yet. */
export async function authorizeExport(request: ExportRequest): Promise<ExportTarget> {
  const settings = parseExportOptions(request.options);
  const access = await requireProject({
    actor: request.actor,
    tenantSlug: request.tenantSlug,
    projectSlug: request.projectSlug,
    modelSlug: request.modelSlug,
    minRole: request.modelSlug ? "EDITOR" : "ADMIN",
    change: "operation",
  }).catch((error: unknown) => {
    // A tenant the caller cannot see hides its projects: SPEC §5 names that PROJECT_NOT_FOUND.
    if (isAppError(error) && error.code === "NOT_FOUND" && error.message.startsWith("Tenant "))
      throw new AppError("PROJECT_NOT_FOUND", `Project "${request.projectSlug}" was not found.`);
    throw error;
  });
  const models = access.model
    ? await modelsToExport(access.project.id, access.model, settings.joinedModels)
    : undefined;
  if (!access.model && settings.joinedModels !== undefined)
    throw new AppError("INVALID_OPTIONS", "joinedModels applies to a model export only.");
  // SPEC §6, who may carry secrets out: connection secrets (tenant resources) only a tenant admin;
  // a project ADMIN the project's own LLM keys (connection secrets stripped, and the export says
  // so); a model EDITOR never.
  const tenantAdmin = isTenantAdmin(request.actor, access.tenant.id);
  if (settings.includeCredentials && !tenantAdmin && access.model)
    throw new AppError(
      "FORBIDDEN",
      "Only a tenant admin can include credentials in a model export: export it without credentials.",
    );
  const encryption = settings.includeCredentials ? await createBundleEncryption(settings.passphrase ?? "") : undefined;
  return {
    actor: request.actor,
    tenant: access.tenant,
    projectId: access.project.id,
    projectSlug: access.project.slug,
    model: access.model,
    models,
    settings: { ...settings, passphrase: undefined, joinedModels: models?.slice(1).map((m) => m.slug) },
    encryption,
    tenantAdmin,
  };
}

export interface ExportTarget {
  actor: Pick<Actor, "email" | "userId">;
  tenant: { id: string; slug: string };
  projectId: string;
  projectSlug: string;
  model?: { id: string; slug: string };
  /** Model export: the chosen model first, then the joined models included with it. */
  models?: { id: string; slug: string }[];
  settings: ExportSettings;
  encryption?: { encryption: BundleEncryption; key: FernetKey };
  /** Whether the actor administers the tenant: only then do connection secrets go in (SPEC §6). */
  tenantAdmin: boolean;
}

/** Which secrets a bundle carries: every one (tenant admin), the project's LLM keys only (project ADMIN), none. */
export type ExportSecrets = "all" | "llm-keys" | "none";

export function exportSecrets(target: Pick<ExportTarget, "encryption" | "tenantAdmin">): ExportSecrets {
  if (!target.encryption) return "none";
  return target.tenantAdmin ? "all" : "llm-keys";
}

/** Builds the stream for an already-authorised export (also used by one-time download tickets). */
export function exportFromAccess(target: ExportTarget): PreparedExport {
  const { settings, model } = target;
  const date = new Date().toISOString().slice(0, 10);
  const filename = model
    ? `${target.projectSlug}-${model.slug}-model-export-${date}.json`
    : `${target.projectSlug}-export-${date}.json`;
  const sections = model ? settings.sections.filter((s) => s === "connections") : settings.sections;
  const secrets = exportSecrets(target);
  const meta = {
    ...(settings.stable ? {} : { exportedAt: new Date().toISOString() }),
    exportedBy: target.actor.email,
    source: { tenant: target.tenant.slug, instance: instanceName() },
  };
  return {
    filename,
    sections,
    secrets,
    open() {
      let stats: WrittenBundleStats | undefined;
      return streamInTransaction(
        async (client, write) => {
          stats = await writeProjectBundle(
            {
              client,
              projectId: target.projectId,
              scope: model ? "model" : "project",
              modelIds: target.models?.map((m) => m.id),
              sections,
              meta,
              encryption: target.encryption,
              connectionSecrets: secrets === "all",
            },
            write,
          );
        },
        async (error) => {
          await writeAuditEvent({
            tenantId: target.tenant.id,
            actorEmail: target.actor.email,
            action: model ? "model.export" : "project.export",
            target: model
              ? `${target.tenant.slug}/${target.projectSlug}/${model.slug}`
              : `${target.tenant.slug}/${target.projectSlug}`,
            summary: {
              outcome: error ? "failed" : "succeeded",
              sections,
              ...(target.models ? { modelSlugs: target.models.map((m) => m.slug) } : {}),
              credentials: target.encryption ? "encrypted" : "stripped",
              ...(secrets === "llm-keys" ? { connectionSecrets: "stripped" } : {}),
              stable: settings.stable,
              ...(stats ?? {}),
            },
          });
        },
      );
    },
  };
}

/**
 * The chosen model and the joined models to include with it: all of them by default, else the
 * ones named (each must be a model the chosen one joins to, directly or through others).
 */
async function modelsToExport(
  projectId: string,
  model: { id: string; slug: string },
  chosen: string[] | undefined,
): Promise<{ id: string; slug: string }[]> {
  const joined = (await listJoinedModels({ projectId, modelSlug: model.slug })).map((m) => m.slug);
  const unknown = (chosen ?? []).filter((slug) => !joined.includes(slug));
  if (unknown.length > 0) {
    throw new AppError(
      "INVALID_OPTIONS",
      `Model "${model.slug}" does not join to ${unknown.map((s) => `"${s}"`).join(", ")}. Joined models: ${joined.join(", ") || "none"}.`,
      { unknown, joined },
    );
  }
  const slugs = chosen === undefined ? joined : joined.filter((slug) => chosen.includes(slug));
  const rows = await db.model.findMany({ where: { projectId, slug: { in: slugs } }, select: { id: true, slug: true } });
  return [model, ...slugs.map((slug) => rows.find((row) => row.slug === slug)!)];
}

/** Names this Ferry instance in bundle metadata (FERRY_INSTANCE_NAME, else the host name). */
export function instanceName(): string {
  return process.env.FERRY_INSTANCE_NAME || os.hostname() || "ferry";
}

/** Reads a whole export into a string (CLI to stdout, tests); large exports should stream. */
export async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
