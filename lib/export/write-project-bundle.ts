import "server-only";
import { encryptCredentials } from "@/lib/bundle/bundle-crypto";
import {
  bundleHeadText,
  bundleTailText,
  canonicalBundle,
  canonicalModel,
  compareKeys,
  modelEntryText,
} from "@/lib/bundle/canonical-json";
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type Bundle,
  type BundleCredentials,
  type BundleEncryption,
  type BundleMeta,
  type BundleModel,
  type OptionalSection,
} from "@/lib/bundle/schema";
import type { FernetKey } from "@/lib/crypto/fernet";
import type { PgClient } from "@/lib/database/pg-transaction";
import { cipherFor } from "@/lib/secrets/tenant-secrets";
import { unwrapDataKey } from "@/lib/secrets/keys";
import type { ChunkWriter } from "./stream-in-transaction";

// Reads a project inside the caller's snapshot transaction and writes its canonical bundle:
// the head (envelope and small sections) first, then models in batches, so memory holds one
// batch of version history at a time. Queries are bounded: a fixed number for the head plus one
// per batch of models — never one per model or per version — and the next batch is fetched while
// the current one is serialised, so the database and the app work at the same time.

const MODELS_PER_BATCH = 10;

export interface WriteBundleOptions {
  client: PgClient;
  projectId: string;
  scope: "project" | "model";
  /** For model scope: the one model to write. */
  modelId?: string;
  sections: OptionalSection[];
  meta: BundleMeta;
  /** Present when credentials are included: the envelope block and the key to encrypt with. */
  encryption?: { encryption: BundleEncryption; key: FernetKey };
}

export interface WrittenBundleStats {
  models: number;
  versions: number;
  connections: number;
  bytes: number;
}

interface ModelRow {
  id: string;
  slug: string;
  name: string;
  deployedVersion: number | null;
  draft: BundleModel["draft"];
  connectionId: string | null;
  connection: string | null;
}

interface VersionRow {
  modelId: string;
  number: number;
  message: string;
  authorEmail: string;
  createdAt: string;
  snapshot: BundleModel["draft"];
}

export async function writeProjectBundle(options: WriteBundleOptions, write: ChunkWriter): Promise<WrittenBundleStats> {
  const { client, projectId } = options;
  const stats: WrittenBundleStats = { models: 0, versions: 0, connections: 0, bytes: 0 };
  const emit = async (chunk: string) => {
    stats.bytes += Buffer.byteLength(chunk);
    await write(chunk);
  };
  const has = (section: OptionalSection) => options.sections.includes(section);
  const rows = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[];
  const withSecrets = options.encryption !== undefined;

  const [project] = await rows<{ slug: string; displayName: string; active: boolean; wrappedDataKey: string }>(
    `SELECT p.slug, p."displayName", p.active, t."wrappedDataKey" FROM "Project" p JOIN "Tenant" t ON t.id = p."tenantId" WHERE p.id = $1`,
    [projectId],
  );
  // $2: the one model of a model export, or NULL for all of them.
  const modelFilter = `AND ($2::uuid IS NULL OR m.id = $2::uuid)`;
  const modelId = options.modelId ?? null;
  const models = (
    await rows<ModelRow>(
      `SELECT m.id, m.slug, m.name, m."deployedVersion", m.draft, m."connectionId", c.name AS connection FROM "Model" m LEFT JOIN "Connection" c ON c.id = m."connectionId" WHERE m."projectId" = $1 ${modelFilter}`,
      [projectId, modelId],
    )
  ).sort((a, b) => compareKeys(a.slug, b.slug)); // code-unit order, whatever the database collation
  const materializations = async (table: "Aggregate" | "PocketTable") => {
    const list = await rows<{ modelId: string; name: string; definition: Record<string, unknown> }>(
      `SELECT a."modelId", a.name, a.definition FROM "${table}" a JOIN "Model" m ON m.id = a."modelId" WHERE m."projectId" = $1 ${modelFilter}`,
      [projectId, modelId],
    );
    const byModel = new Map<string, { name: string; definition: Record<string, unknown> }[]>();
    for (const { modelId, name, definition } of list)
      byModel.set(modelId, [...(byModel.get(modelId) ?? []), { name, definition }]);
    return byModel;
  };
  const aggregates = await materializations("Aggregate");
  const pockets = await materializations("PocketTable");

  // Secrets are decrypted only when the caller asked for credentials (and gave a passphrase).
  // Without a passphrase every item says "stripped" (SPEC §2), whether or not it had a secret, so
  // a stripped export → import → export round trip gives the same bytes.
  const tenantKey = withSecrets ? cipherFor(unwrapDataKey(project!.wrappedDataKey)) : null;
  const credentials = (sealed: string | null | undefined): BundleCredentials => {
    if (!options.encryption || !tenantKey) return "stripped";
    return sealed ? encryptCredentials(options.encryption.key, tenantKey.decrypt(sealed)) : "none";
  };

  const head: Omit<Bundle, "models"> = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    scope: options.scope,
    meta: options.meta,
    project: { slug: project!.slug, displayName: project!.displayName, active: project!.active },
    sections: options.sections,
    ...(options.encryption ? { encryption: options.encryption.encryption } : {}),
  };
  const secretColumn = (column: string) => (withSecrets ? `, "${column}" AS secret` : "");

  if (has("connections")) {
    // The project's connections: those linked to it and those its (exported) models use.
    const usedIds = [...new Set(models.map((m) => m.connectionId).filter((id): id is string => id !== null))];
    const linked =
      options.scope === "model"
        ? ""
        : `id IN (SELECT "connectionId" FROM "ProjectConnection" WHERE "projectId" = $2) OR`;
    const list = await rows<{ name: string; type: string; config: Record<string, unknown>; secret?: string | null }>(
      `SELECT name, type::text, config${secretColumn("secretEncrypted")} FROM "Connection" WHERE ${linked} id = ANY($1::uuid[])`,
      options.scope === "model" ? [usedIds] : [usedIds, projectId],
    );
    stats.connections = list.length;
    head.connections = list.map((c) => ({
      name: c.name,
      type: c.type as NonNullable<Bundle["connections"]>[number]["type"],
      config: c.config,
      credentials: credentials(c.secret),
    }));
  }
  if (has("llmConfigs")) {
    const list = await rows<{
      name: string;
      provider: string;
      endpoint: string | null;
      model: string;
      params: Record<string, unknown>;
      secret?: string | null;
    }>(
      `SELECT name, provider::text, endpoint, model, params${secretColumn("apiKeyEncrypted")} FROM "LlmConfig" WHERE "projectId" = $1`,
      [projectId],
    );
    head.llmConfigs = list.map((l) => ({
      name: l.name,
      provider: l.provider as NonNullable<Bundle["llmConfigs"]>[number]["provider"],
      endpoint: l.endpoint,
      model: l.model,
      params: l.params,
      credentials: credentials(l.secret),
    }));
  }
  if (has("agent")) {
    const [agent] = await rows<NonNullable<Bundle["agent"]>>(
      `SELECT persona, rubrics, "modelContexts", "webhookUrl" FROM "AgentConfig" WHERE "projectId" = $1`,
      [projectId],
    );
    head.agent = agent ?? null;
  }
  if (has("recipes"))
    head.recipes = await rows(`SELECT slug, name, definition FROM "Recipe" WHERE "projectId" = $1`, [projectId]);
  if (has("settings"))
    head.settings = await rows(`SELECT key, value FROM "ProjectSetting" WHERE "projectId" = $1`, [projectId]);
  if (has("accessBindings")) {
    head.accessBindings = await rows(
      `SELECT u.email AS "user", b.role::text AS role, m.slug AS model FROM "AccessBinding" b JOIN "User" u ON u.id = b."userId" LEFT JOIN "Model" m ON m.id = b."modelId" WHERE b."projectId" = $1`,
      [projectId],
    );
  }

  const { models: _none, ...canonicalHead } = canonicalBundle({ ...head, models: [] });
  await emit(bundleHeadText(canonicalHead));

  const fetchVersions = (batch: ModelRow[]) =>
    rows<VersionRow>(
      `SELECT "modelId", number, message, "authorEmail", "createdAt", snapshot FROM "ModelVersion" WHERE "modelId" = ANY($1::uuid[]) ORDER BY "modelId", number`,
      [batch.map((m) => m.id)],
    );
  const batches: ModelRow[][] = [];
  for (let start = 0; start < models.length; start += MODELS_PER_BATCH)
    batches.push(models.slice(start, start + MODELS_PER_BATCH));
  let next = batches.length > 0 ? fetchVersions(batches[0]!) : null;
  let index = 0;
  for (const [b, batch] of batches.entries()) {
    const versions = await next!;
    // Pipelined: the database reads the next batch while this one is serialised.
    next = b + 1 < batches.length ? fetchVersions(batches[b + 1]!) : null;
    const byModel = new Map<string, VersionRow[]>();
    for (const version of versions) {
      const list = byModel.get(version.modelId);
      if (list) list.push(version);
      else byModel.set(version.modelId, [version]);
    }
    for (const model of batch) {
      const history = byModel.get(model.id) ?? [];
      const entry: BundleModel = {
        slug: model.slug,
        name: model.name,
        connection: model.connection,
        deployedVersion: model.deployedVersion,
        draft: model.draft,
        versions: history.map((v) => ({
          number: v.number,
          message: v.message,
          author: v.authorEmail,
          createdAt: v.createdAt,
          snapshot: v.snapshot,
        })),
        aggregates: aggregates.get(model.id) ?? [],
        pockets: pockets.get(model.id) ?? [],
      };
      stats.versions += history.length;
      await emit(modelEntryText(canonicalModel(entry, { fromJsonb: true }), index++));
    }
  }
  stats.models = models.length;
  await emit(bundleTailText(models.length));
  return stats;
}
