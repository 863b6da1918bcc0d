import "server-only";
import { createHash, type Hash } from "node:crypto";
import { compareJsonKeys, sortKeysDeep } from "@/lib/bundle/json-order";
import { RawJson } from "@/lib/bundle/raw-json";
import type { Bundle } from "@/lib/bundle/schema";
import type { PgClient } from "@/lib/database/pg-transaction";
import type { ImportOptions } from "./import-options";
import type { ImportPlan, ImportTarget } from "./plan-import";

// The stale-plan check (SPEC §11): a plan's token is a digest of the bundle, the options that
// shape the plan, and the state of the target — every row of the target project the plan reads
// (content, deployment, secrets' states and ciphertexts, materialization statuses) and every tenant
// connection it involves. An import that carries a token is refused with PLAN_STALE when the
// digest computed in its own transaction differs: what was reviewed is what gets applied.

/** Options that do not change what is written are left out (passphrase, dry run, the token itself). */
function planningOptions(options: ImportOptions, tenant: string, projectSlug: string) {
  const { passphrase: _p, dryRun: _d, planToken: _t, ...rest } = options;
  return sortKeysDeep({ ...rest, tenant, projectSlug });
}

/**
 * Feeds `JSON.stringify(sortKeysDeep(value))` to the hash piece by piece, the same bytes: an
 * array member (a million settings) is never one sorted copy nor one string.
 */
export function hashSortedObject(hash: Hash, value: Record<string, unknown>): void {
  let pending = "";
  const write = (text: string) => {
    pending += text;
    if (pending.length >= 65_536) {
      hash.update(pending);
      pending = "";
    }
  };
  write("{");
  let first = true;
  for (const key of Object.keys(value).sort(compareJsonKeys)) {
    const member = value[key];
    if (member === undefined) continue;
    write(`${first ? "" : ","}${JSON.stringify(key)}:`);
    first = false;
    if (!Array.isArray(member)) {
      write(JSON.stringify(sortKeysDeep(member)));
      continue;
    }
    write("[");
    for (let i = 0; i < member.length; i++)
      write((i === 0 ? "" : ",") + (JSON.stringify(sortKeysDeep(member[i])) ?? "null"));
    write("]");
  }
  write("}");
  hash.update(pending);
}

export const sha256 = (bytes: Uint8Array): Uint8Array => createHash("sha256").update(bytes).digest();

export function hashBundle(hash: Hash, bundle: Bundle): void {
  const { models, ...head } = bundle;
  hashSortedObject(hash, head);
  for (const model of models) {
    const { versions, ...rest } = model;
    hash.update(JSON.stringify(sortKeysDeep(rest)));
    for (const version of versions) {
      const { snapshot, ...meta } = version;
      hash.update(JSON.stringify(meta));
      // A snapshot as uploaded: its bytes' digest, taken while parsing (or now, from memory).
      if (snapshot instanceof RawJson) hash.update(snapshot.digest ?? sha256(snapshot.bytes));
      else hash.update(JSON.stringify(snapshot));
    }
  }
}

export async function computePlanToken(input: {
  client: PgClient;
  tenantId: string;
  tenantSlug: string;
  projectSlug: string;
  projectId?: string;
  bundle: Bundle;
  options: ImportOptions;
  target: ImportTarget;
  plan: ImportPlan;
  /** Stands for the bundle when its bytes differ at every read (a server-side duplicate's fresh key). */
  bundleIdentity?: string;
}): Promise<string> {
  const hash = createHash("sha256");
  hash.update("ferry.plan.1\n");
  hash.update(JSON.stringify(planningOptions(input.options, input.tenantSlug, input.projectSlug)));
  if (input.bundleIdentity !== undefined) hash.update(input.bundleIdentity);
  else hashBundle(hash, input.bundle);
  const { content, ...target } = input.target;
  hash.update(JSON.stringify(sortKeysDeep(target)));
  if (content) hash.update(JSON.stringify(content.sections));
  const names = [
    ...new Set([
      ...input.plan.connections.map((c) => c.targetName),
      ...input.plan.implicitConnections,
      ...(content?.connections ?? []),
    ]),
  ];
  const { rows } = await input.client.query(
    `SELECT name, type::text, status::text, config, "updatedAt", md5(COALESCE("secretEncrypted", '')) AS secret
       FROM "Connection" WHERE "tenantId" = $1 AND name = ANY($2::text[]) ORDER BY name`,
    [input.tenantId, names],
  );
  hash.update(JSON.stringify(rows));
  if (input.projectId) {
    const { rows: state } = await input.client.query(
      `SELECT p."displayName", p.active, p."updatedAt",
              (SELECT md5(string_agg(name || ':' || COALESCE("apiKeyEncrypted", '') || ':' || status::text, ',' ORDER BY name)) FROM "LlmConfig" WHERE "projectId" = p.id) AS llm,
              (SELECT md5(string_agg(m.slug || ':' || COALESCE(m."deployedVersion"::text, '') || ':' || COALESCE(m."deployedAt"::text, ''), ',' ORDER BY m.slug)) FROM "Model" m WHERE m."projectId" = p.id) AS deployed,
              (SELECT md5(string_agg(a.id::text || ':' || a.status::text, ',' ORDER BY a.id)) FROM "Aggregate" a JOIN "Model" m ON m.id = a."modelId" WHERE m."projectId" = p.id) AS aggregates,
              (SELECT md5(string_agg(t.id::text || ':' || t.status::text, ',' ORDER BY t.id)) FROM "PocketTable" t JOIN "Model" m ON m.id = t."modelId" WHERE m."projectId" = p.id) AS pockets,
              (SELECT count(*) FROM "AccessBinding" WHERE "projectId" = p.id) AS bindings
         FROM "Project" p WHERE p.id = $1`,
      [input.projectId],
    );
    hash.update(JSON.stringify(state));
  }
  return hash.digest("hex");
}
