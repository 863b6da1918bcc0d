import "server-only";
import { encryptCredentials } from "@/lib/bundle/bundle-crypto";
import { bundleHeadText, bundleTailText, canonicalBundle, canonicalModel, compareKeys, modelEntryText } from "@/lib/bundle/canonical-json";
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle, type BundleCredentials, type BundleEncryption, type BundleMeta, type BundleModel, type OptionalSection } from "@/lib/bundle/schema";
import type { FernetKey } from "@/lib/crypto/fernet";
import type { Tx } from "@/lib/db";
import { cipherFor } from "@/lib/secrets/tenant-secrets";
import { unwrapDataKey } from "@/lib/secrets/keys";
import type { ChunkWriter } from "./stream-in-transaction";

// Reads a project inside the caller's snapshot transaction and writes its canonical bundle:
// the head (envelope and small sections) first, then models in batches, so memory holds one
// batch of version history at a time. Queries are bounded: a fixed number for the head plus one
// per batch of models — never one per model or per version.

const MODELS_PER_BATCH = 20;

export interface WriteBundleOptions {
  tx: Tx;
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

export async function writeProjectBundle(options: WriteBundleOptions, write: ChunkWriter): Promise<WrittenBundleStats> {
  const { tx, projectId } = options;
  const stats: WrittenBundleStats = { models: 0, versions: 0, connections: 0, bytes: 0 };
  const emit = async (chunk: string) => {
    stats.bytes += Buffer.byteLength(chunk);
    await write(chunk);
  };
  const has = (section: OptionalSection) => options.sections.includes(section);

  const project = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { slug: true, displayName: true, active: true, tenant: { select: { wrappedDataKey: true } } } });
  const models = (await tx.model.findMany({
    where: { projectId, ...(options.modelId ? { id: options.modelId } : {}) },
    select: {
      id: true,
      slug: true,
      name: true,
      deployedVersion: true,
      draft: true,
      connectionId: true,
      connection: { select: { name: true } },
      aggregates: { select: { name: true, definition: true } },
      pocketTables: { select: { name: true, definition: true } },
    },
  })).sort((a, b) => compareKeys(a.slug, b.slug)); // code-unit order, whatever the database collation

  // Secrets are decrypted only when the caller asked for credentials (and gave a passphrase).
  const tenantKey = options.encryption ? cipherFor(unwrapDataKey(project.tenant.wrappedDataKey)) : null;
  // Without a passphrase every item says "stripped" (SPEC §2), whether or not it had a secret, so
  // a stripped export → import → export round trip gives the same bytes.
  const credentials = (sealed: string | null): BundleCredentials => {
    if (!options.encryption || !tenantKey) return "stripped";
    return sealed ? encryptCredentials(options.encryption.key, tenantKey.decrypt(sealed)) : "none";
  };

  const head: Omit<Bundle, "models"> = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    scope: options.scope,
    meta: options.meta,
    project: { slug: project.slug, displayName: project.displayName, active: project.active },
    sections: options.sections,
    ...(options.encryption ? { encryption: options.encryption.encryption } : {}),
  };

  if (has("connections")) {
    // The project's connections: those linked to it and those its (exported) models use.
    const usedIds = [...new Set(models.map((m) => m.connectionId).filter((id): id is string => id !== null))];
    const rows = await tx.connection.findMany({
      where: options.scope === "model" ? { id: { in: usedIds } } : { OR: [{ projects: { some: { projectId } } }, { id: { in: usedIds } }] },
      select: { name: true, type: true, config: true, secretEncrypted: !!options.encryption },
      orderBy: { name: "asc" },
    });
    stats.connections = rows.length;
    head.connections = rows.map((row) => ({
      name: row.name,
      type: row.type,
      config: row.config as Record<string, unknown>,
      credentials: credentials(row.secretEncrypted ?? null),
    }));
  }
  if (has("llmConfigs")) {
    const rows = await tx.llmConfig.findMany({
      where: { projectId },
      select: { name: true, provider: true, endpoint: true, model: true, params: true, apiKeyEncrypted: !!options.encryption },
      orderBy: { name: "asc" },
    });
    head.llmConfigs = rows.map((row) => ({
      name: row.name,
      provider: row.provider === "azure_openai" ? "azure-openai" : row.provider,
      endpoint: row.endpoint,
      model: row.model,
      params: row.params as Record<string, unknown>,
      credentials: credentials(row.apiKeyEncrypted ?? null),
    }));
  }
  if (has("agent")) {
    const agent = await tx.agentConfig.findUnique({ where: { projectId }, select: { persona: true, rubrics: true, modelContexts: true, webhookUrl: true } });
    head.agent = agent && {
      persona: agent.persona,
      rubrics: agent.rubrics as NonNullable<Bundle["agent"]>["rubrics"],
      modelContexts: agent.modelContexts as NonNullable<Bundle["agent"]>["modelContexts"],
      webhookUrl: agent.webhookUrl,
    };
  }
  if (has("recipes")) {
    head.recipes = (await tx.recipe.findMany({ where: { projectId }, select: { slug: true, name: true, definition: true } })).map((r) => ({ ...r, definition: r.definition as Record<string, unknown> }));
  }
  if (has("settings")) {
    head.settings = await tx.projectSetting.findMany({ where: { projectId }, select: { key: true, value: true } });
  }
  if (has("accessBindings")) {
    const rows = await tx.accessBinding.findMany({ where: { projectId }, select: { role: true, user: { select: { email: true } }, model: { select: { slug: true } } } });
    head.accessBindings = rows.map((b) => ({ user: b.user.email, role: b.role, model: b.model?.slug ?? null }));
  }

  const { models: _none, ...canonicalHead } = canonicalBundle({ ...head, models: [] });
  await emit(bundleHeadText(canonicalHead));

  for (let start = 0; start < models.length; start += MODELS_PER_BATCH) {
    const batch = models.slice(start, start + MODELS_PER_BATCH);
    const versions = await tx.modelVersion.findMany({
      where: { modelId: { in: batch.map((m) => m.id) } },
      orderBy: [{ modelId: "asc" }, { number: "asc" }],
      select: { modelId: true, number: true, message: true, authorEmail: true, createdAt: true, snapshot: true },
    });
    const byModel = new Map<string, typeof versions>();
    for (const version of versions) {
      const list = byModel.get(version.modelId) ?? [];
      list.push(version);
      byModel.set(version.modelId, list);
    }
    for (const [offset, model] of batch.entries()) {
      const history = byModel.get(model.id) ?? [];
      const entry: BundleModel = {
        slug: model.slug,
        name: model.name,
        connection: model.connection?.name ?? null,
        deployedVersion: model.deployedVersion,
        draft: model.draft as BundleModel["draft"],
        versions: history.map((v) => ({ number: v.number, message: v.message, author: v.authorEmail, createdAt: v.createdAt.toISOString(), snapshot: v.snapshot as BundleModel["draft"] })),
        aggregates: model.aggregates.map((a) => ({ name: a.name, definition: a.definition as Record<string, unknown> })),
        pockets: model.pocketTables.map((p) => ({ name: p.name, definition: p.definition as Record<string, unknown> })),
      };
      stats.versions += history.length;
      await emit(modelEntryText(canonicalModel(entry), start + offset));
    }
  }
  stats.models = models.length;
  await emit(bundleTailText(models.length));
  return stats;
}
