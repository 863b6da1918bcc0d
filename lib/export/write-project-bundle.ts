import "server-only";
import { setImmediate } from "node:timers/promises";
import { encryptCredentials } from "@/lib/bundle/bundle-crypto";
import { bundleHeadText, bundleTailText, canonicalBundle, modelEntryBytesFromJsonb } from "@/lib/bundle/canonical-json";
import { copyOutBytes } from "@/lib/database/copy-out";
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type Bundle,
  type BundleEncryption,
  type BundleMeta,
} from "@/lib/bundle/schema";
import { SECTIONS, type OptionalSection } from "@/lib/bundle/sections";
import type { SectionReadContext } from "@/lib/bundle/sections/contexts";
import { listExportedModels, readModels } from "@/lib/bundle/sections/models";
import type { FernetKey } from "@/lib/crypto/fernet";
import type { PgClient } from "@/lib/database/pg-transaction";
import { cipherFor } from "@/lib/secrets/tenant-secrets";
import { unwrapDataKey } from "@/lib/secrets/keys";
import type { ChunkWriter } from "./stream-in-transaction";

// Reads a project inside the caller's snapshot transaction and writes its canonical bundle:
// the head (envelope and every chosen section, each read by its own module) first, then models
// streamed in batches, so memory holds one batch of version history at a time.

export interface WriteBundleOptions {
  client: PgClient;
  projectId: string;
  scope: "project" | "model";
  /** For model scope: the models to write. */
  modelIds?: string[];
  sections: OptionalSection[];
  meta: BundleMeta;
  /** Present when credentials are included: the envelope block and the key to encrypt with. */
  encryption?: { encryption: BundleEncryption; key: FernetKey };
  /** With encryption: whether connection secrets go in too (tenant admins), or only LLM keys. Default true. */
  connectionSecrets?: boolean;
}

// No text stored in PostgreSQL holds U+0000, so no section, key or value can look like a mark.
const sectionMark = (key: string) => `\u0000${key}`;

export interface WrittenBundleStats {
  models: number;
  versions: number;
  connections: number;
  bytes: number;
}

export async function writeProjectBundle(options: WriteBundleOptions, write: ChunkWriter): Promise<WrittenBundleStats> {
  const { client, projectId } = options;
  const stats: WrittenBundleStats = { models: 0, versions: 0, connections: 0, bytes: 0 };
  const emit = async (chunk: string | Uint8Array) => {
    stats.bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
    await write(chunk);
  };
  const rows = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[];

  const [project] = await rows<{ slug: string; displayName: string; active: boolean; wrappedDataKey: string }>(
    `SELECT p.slug, p."displayName", p.active, t."wrappedDataKey" FROM "Project" p JOIN "Tenant" t ON t.id = p."tenantId" WHERE p.id = $1`,
    [projectId],
  );
  const modelIds = options.modelIds ?? null;
  const models = await listExportedModels({ rows, projectId }, modelIds);

  // Secrets are decrypted only when the caller asked for credentials (and gave a passphrase).
  // Without a passphrase every item says "stripped" (SPEC §2), whether or not it had a secret, so
  // a stripped export → import → export round trip gives the same bytes.
  const tenantKey = options.encryption ? cipherFor(unwrapDataKey(project!.wrappedDataKey)) : null;
  const read: SectionReadContext = {
    rows,
    projectId,
    scope: options.scope,
    models,
    withSecrets: options.encryption !== undefined,
    credentials: (kind, sealed) => {
      if (!options.encryption || !tenantKey) return "stripped";
      if (kind === "connection" && options.connectionSecrets === false) return "stripped";
      return sealed ? encryptCredentials(options.encryption.key, tenantKey.decrypt(sealed)) : "none";
    },
  };

  const head: Record<string, unknown> = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    scope: options.scope,
    meta: options.meta,
    project: { slug: project!.slug, displayName: project!.displayName, active: project!.active },
    sections: options.sections,
    ...(options.encryption ? { encryption: options.encryption.encryption } : {}),
  };
  const copyOut = (sql: string) => copyOutBytes(client, sql);
  // Sections that may be large write their own text (`exportText`): a mark holds their place.
  const written: (typeof SECTIONS)[number][] = [];
  for (const section of SECTIONS) {
    if (section.key === "models" || !options.sections.includes(section.key) || !section.read) continue;
    if (section.exportText) written.push(section);
    head[section.key] = section.exportText ? [] : await section.read(read);
  }
  stats.connections = (head.connections as unknown[] | undefined)?.length ?? 0;

  const { models: _none, ...canonicalHead } = canonicalBundle({ ...(head as Omit<Bundle, "models">), models: [] });
  // Assigned, not added: each key keeps its canonical place.
  for (const section of written) (canonicalHead as Record<string, unknown>)[section.key] = sectionMark(section.key);
  let headText = bundleHeadText(canonicalHead);
  for (const section of written) {
    const mark = JSON.stringify(sectionMark(section.key));
    const at = headText.indexOf(mark);
    if (at < 0) throw new Error(`The place of section ${section.key} is missing from the bundle's head.`);
    await emit(headText.slice(0, at));
    await section.exportText!({ ...read, copyOut }, emit);
    headText = headText.slice(at + mark.length);
  }
  await emit(headText);
  let index = 0;
  // Snapshots (the bulk of the bundle) are read as jsonb text by binary COPY and written without
  // being parsed: see lib/bundle/jsonb-text.ts.
  for await (const { model, snapshotTexts } of readModels({ rows, projectId }, models, modelIds, { copyOut })) {
    stats.versions += model.versions.length;
    await emit(modelEntryBytesFromJsonb(model, index++, snapshotTexts!));
    // A turn of the event loop per model, so that the connection reads what the database sends for
    // the next batches meanwhile: a write that does not wait resolves as a microtask, and without
    // this the database stalls on a full socket until the batch is serialised (~20 % of the
    // export's time over HTTP, measured side by side).
    await setImmediate();
  }
  stats.models = models.length;
  await emit(bundleTailText(models.length));
  return stats;
}
