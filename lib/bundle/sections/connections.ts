import { z } from "zod";
import { CONNECTION_FIELDS, fieldProblem } from "@/lib/validations/connection-fields";
import { AppError, type ErrorDetail } from "@/lib/errors";
import type { ImportOptions } from "@/lib/import/import-options";
import type { ImportTarget, PlannedConnection } from "@/lib/import/plan-import";
import { ConnectionTable, ProjectConnectionTable } from "@/lib/database/tables";
import { CONNECTION_SECRETS } from "@/lib/validations/connection-fields";
import { nameSchema } from "@/lib/validations/slug";
import { credentialsSchema, freeObject } from "../credentials";
import { byKey, compareKeys, sortKeysDeep } from "../json-order";
import { defaultConnectionAction } from "./connection-actions";
import { credentialView, defineSection, type BundleSection } from "./section";

// Connections are tenant resources: a bundle carries the ones its project uses (linked to it or
// referenced by its models); import creates, maps onto existing ones or creates them pending,
// and links them to the project. Replace only unlinks, never deletes (other projects may use them).

export const CONNECTION_TYPES = ["postgres", "snowflake", "bigquery", "databricks", "redshift", "mysql"] as const;

export const connectionSchema = z.strictObject({
  name: nameSchema,
  type: z.enum(CONNECTION_TYPES),
  config: freeObject,
  credentials: credentialsSchema,
});
export type BundleConnection = z.infer<typeof connectionSchema>;

const connectionsSchema = z.array(connectionSchema).max(10_000);

// Annotated, not inferred: the bundle type is derived from the registry, and the writes refer back to it.
export const connections: BundleSection<"connections", typeof connectionsSchema, BundleConnection> = defineSection({
  key: "connections",
  label: "Connections",
  hint: "Tenant connections the project uses (type and config)",
  optional: true,
  exportDefault: true,
  schema: connectionsSchema,
  items: (value) => value ?? [],
  keyOf: (c: BundleConnection) => c.name,
  keyName: "connection name",
  credentialsOf: (c) => c.credentials,
  // The connection form's rules for the type's known fields (host, port, account, …), where given.
  // A missing required field is not refused: the connection is then completed in the form.
  checkItem: (c, path) =>
    (CONNECTION_FIELDS[c.type] ?? []).flatMap((field) => {
      const value = c.config[field.key];
      if (value === undefined || value === null || value === "") return [];
      if (typeof value !== "string" && typeof value !== "number")
        return [{ path: `${path}.config.${field.key}`, reason: `${field.label} is a text or a number` }];
      const problem = fieldProblem(field, String(value).trim());
      return problem ? [{ path: `${path}.config.${field.key}`, reason: problem }] : [];
    }),
  // The shape the connection form stores for the type: { password } / { token } as text, BigQuery's
  // { serviceAccountKey } as the key file's JSON object — and nothing else.
  secretProblem(c, secret) {
    const { key } = CONNECTION_SECRETS[c.type];
    const keys = Object.keys(secret);
    if (keys.length !== 1 || keys[0] !== key)
      return `a ${c.type} connection's secret is { "${key}": … }, not { ${keys.map((k) => `"${k}"`).join(", ")} }`;
    const value = secret[key];
    if (c.type === "bigquery")
      return value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length > 0
        ? null
        : `a bigquery service account key is the key file's JSON object`;
    return typeof value === "string" && value.length > 0 && value.length <= 50_000
      ? null
      : `"${key}" must be a non-empty text of at most 50,000 characters`;
  },
  canonical: (value) =>
    [...value].sort(byKey((c) => c.name)).map((c) => ({
      name: c.name,
      type: c.type,
      config: sortKeysDeep(c.config) as typeof c.config,
      credentials: c.credentials,
    })),
  comparable: (c) => ({ ...c, credentials: credentialView(c.credentials) }),
  async read(ctx) {
    const usedIds = [...new Set(ctx.models.map((m) => m.connectionId).filter((id): id is string => id !== null))];
    const linked =
      ctx.scope === "model" ? "" : `id IN (SELECT "connectionId" FROM "ProjectConnection" WHERE "projectId" = $2) OR`;
    const list = await ctx.rows<{
      name: string;
      type: BundleConnection["type"];
      config: Record<string, unknown>;
      secret?: string | null;
    }>(
      `SELECT name, type::text, config${ctx.withSecrets ? `, "secretEncrypted" AS secret` : ""} FROM "${ConnectionTable.name}" WHERE ${linked} id = ANY($1::uuid[])`,
      ctx.scope === "model" ? [usedIds] : [usedIds, ctx.projectId],
    );
    return list.map((c) => ({
      name: c.name,
      type: c.type,
      config: c.config,
      credentials: ctx.credentials("connection", c.secret),
    }));
  },
  write: {
    // Creates new tenant connections (secret re-encrypted under the tenant key), updates mapped
    // ones' secrets when asked, and links every connection the project uses.
    async create(ctx, items) {
      const exported = new Map(items.map((c, i) => [c.name, { connection: c, index: i }]));
      const created: {
        id: string;
        tenantId: string;
        name: string;
        type: string;
        config: unknown;
        secretEncrypted: string | null;
        status: string;
        updatedAt: string;
      }[] = [];
      for (const planned of ctx.plan.connections) {
        const { connection, index } = exported.get(planned.exportedName)!;
        const secret = planned.writesSecret ? ctx.secretOf(connection.credentials, `connections.${index}`) : null;
        if (planned.action === "map") {
          if (secret) {
            await ctx.client.query(
              `UPDATE "${ConnectionTable.name}" SET "secretEncrypted" = $2, status = 'ACTIVE', "updatedAt" = now() WHERE id = $1`,
              [ctx.ids.connections.get(planned.targetName), ctx.seal(secret)],
            );
          }
          continue;
        }
        const id = crypto.randomUUID();
        ctx.ids.connections.set(planned.targetName, id);
        created.push({
          id,
          tenantId: ctx.tenantId,
          name: planned.targetName,
          type: connection.type,
          config: connection.config,
          secretEncrypted: secret ? ctx.seal(secret) : null,
          status: secret ? "ACTIVE" : "PENDING_CREDENTIALS",
          updatedAt: new Date().toISOString(),
        });
      }
      await ctx.bulkInsert(
        ctx.client,
        ConnectionTable,
        ["id", "tenantId", "name", "type", "config", "secretEncrypted", "status", "updatedAt"],
        created,
      );
      const linked = [
        ...new Set([...ctx.plan.connections.map((c) => c.targetName), ...ctx.plan.implicitConnections]),
      ].map((name) => ctx.ids.connections.get(name)!);
      if (linked.length > 0) {
        await ctx.client.query(
          `INSERT INTO "${ProjectConnectionTable.name}" ("projectId", "connectionId") SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
          [ctx.projectId, linked],
        );
      }
    },
    // A connection of the bundle that the target already uses is mapped onto it: create() covers it.
    async update(ctx, items) {
      await connections.write.create(ctx, items);
    },
    // Connections are never deleted by an import: only unlinked from the project.
    async delete(ctx, names) {
      await ctx.client.query(
        `DELETE FROM "${ProjectConnectionTable.name}" WHERE "projectId" = $1 AND "connectionId" IN (SELECT id FROM "${ConnectionTable.name}" WHERE "tenantId" = $2 AND name = ANY($3::text[]))`,
        [ctx.projectId, ctx.tenantId, names],
      );
    },
  },
  clears: [ProjectConnectionTable.name],
  faultSteps: ["connections"],
  count({ value, plan }) {
    if (value === undefined) return {};
    const created = plan.connections.filter((c) => c.action !== "map").length;
    const updated = plan.connections.filter((c) => c.action === "map" && c.writesSecret).length;
    return { connections: { created, updated, skipped: plan.connections.length - created - updated } };
  },
});

export { defaultConnectionAction, suggestedConnectionAction } from "./connection-actions";

type PlanBundle = { connections?: BundleConnection[]; models: { connection: string | null }[] };

/** How each exported connection lands in the target tenant (SPEC §4 step 5). */
export function planConnections(
  bundle: PlanBundle,
  options: ImportOptions,
  target: ImportTarget,
  projectSlug: string,
): { connections: PlannedConnection[]; implicit: string[] } {
  const existing = new Map(target.connections.map((c) => [c.name, c]));
  const mapping = options.connectionMapping ?? {};
  const exported = new Set((bundle.connections ?? []).map((c) => c.name));
  const unknown = Object.keys(mapping).filter((name) => !exported.has(name));
  if (unknown.length > 0)
    throw new AppError(
      "INVALID_OPTIONS",
      `The connection mapping names connections that are not in the bundle: ${unknown.join(", ")}.`,
      unknown.map((name) => ({ path: `connectionMapping.${name}`, reason: "not in the bundle" })),
    );

  const undecided: ErrorDetail[] = [];
  const claimed = new Set<string>();
  const connections: PlannedConnection[] = [];
  for (const connection of bundle.connections ?? []) {
    const entry = mapping[connection.name];
    const hasSecret = typeof connection.credentials === "object";
    const row = (reason: string, extra: Record<string, unknown> = {}) =>
      undecided.push({
        path: `connectionMapping.${connection.name}`,
        reason,
        connection: connection.name,
        type: connection.type,
        ...extra,
      });
    const action = entry?.action ?? defaultConnectionAction({ name: connection.name, hasSecret }, existing);
    if (action === undefined) {
      const sameType = target.connections.filter((c) => c.type === connection.type).map((c) => c.name);
      row(
        hasSecret
          ? `a connection named "${connection.name}" already exists: map onto it, or create under another name`
          : "the bundle has no credentials for it: map it to an existing connection or create it as pending credentials",
        { candidates: sameType },
      );
      continue;
    }
    if (action === "map") {
      const targetName = entry?.target;
      const found = targetName ? existing.get(targetName) : undefined;
      if (!found) {
        row(
          targetName
            ? `there is no connection "${targetName}" in tenant "${target.tenantSlug}"`
            : "choose the existing connection to map to",
        );
        continue;
      }
      if (found.type !== connection.type) {
        throw new AppError(
          "CONNECTION_TYPE_MISMATCH",
          `Connection "${connection.name}" is ${connection.type}; "${found.name}" is ${found.type}. Map it to a ${connection.type} connection.`,
          [{ path: `connectionMapping.${connection.name}`, reason: `type ${connection.type} ≠ ${found.type}` }],
        );
      }
      connections.push({
        exportedName: connection.name,
        type: connection.type,
        action,
        targetName: found.name,
        writesSecret: hasSecret && options.overrideCredentials === true,
        sharedWith: found.projects.filter((p) => p !== projectSlug).sort(compareKeys),
      });
      continue;
    }
    if (action === "create" && !hasSecret) {
      row(
        connection.credentials === "stripped"
          ? "its credentials were stripped from the bundle: map it, or create it as pending credentials"
          : "the source had no credentials for it: create it as pending credentials, or map it",
      );
      continue;
    }
    const name = entry?.name ?? connection.name;
    if (existing.has(name) || claimed.has(name)) {
      row(
        `the name "${name}" is taken in tenant "${target.tenantSlug}": give the new connection another name, or map onto the existing one`,
        { candidates: target.connections.filter((c) => c.type === connection.type).map((c) => c.name) },
      );
      continue;
    }
    claimed.add(name);
    connections.push({
      exportedName: connection.name,
      type: connection.type,
      action,
      targetName: name,
      writesSecret: action === "create",
      sharedWith: [],
    });
  }
  if (undecided.length > 0) {
    throw new AppError(
      "CONNECTION_MAPPING_REQUIRED",
      `Decide how to bring in ${undecided.length === 1 ? `connection "${String(undecided[0]!.connection)}"` : `${undecided.length} connections`}: ${undecided[0]!.reason}.`,
      undecided,
    );
  }

  // Without a connections section, models keep their connection names: those must exist.
  const implicit = bundle.connections
    ? []
    : [...new Set(bundle.models.map((m) => m.connection).filter((c): c is string => c !== null))].sort(compareKeys);
  const missing = implicit.filter((name) => !existing.has(name));
  if (missing.length > 0) {
    throw new AppError(
      "DANGLING_REFERENCE",
      `Models use connection${missing.length > 1 ? "s" : ""} ${missing.map((n) => `"${n}"`).join(", ")}, which the bundle does not include and tenant "${target.tenantSlug}" does not have. Export with the connections section, or create ${missing.length > 1 ? "them" : "it"} first.`,
      missing.map((name) => ({ path: "models.connection", reason: `connection "${name}" not found` })),
    );
  }
  return { connections, implicit };
}
