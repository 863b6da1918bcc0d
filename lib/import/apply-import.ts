import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { newSecretToken } from "@/lib/auth/tokens";
import { decryptCredentials, type SecretObject } from "@/lib/bundle/bundle-crypto";
import type { BundleCredentials } from "@/lib/bundle/schema";
import type { FernetKey } from "@/lib/crypto/fernet";
import { bulkInsert, copyRows, type Column } from "@/lib/database/bulk-insert";
import type { PgClient } from "@/lib/database/pg-transaction";
import type { TenantCipher } from "@/lib/secrets/tenant-secrets";
import { faultPoint } from "./fault-point";
import type { ImportPlan } from "./plan-import";
import type { TargetContext } from "./read-import-target";

// Writes a plan inside the import's transaction, in batches (no per-row round trips; versions by
// COPY). Any throw rolls everything back. Post-import resets by design: no deployed version,
// aggregates PENDING, pockets STALE (the report's checklist says what to do next).

export interface ApplyContext {
  client: PgClient;
  tenantId: string;
  plan: ImportPlan;
  context: TargetContext;
  /** Bundle key (when the bundle carries credentials) and the target tenant's cipher. */
  bundleKey: FernetKey | null;
  cipher: TenantCipher;
  onProgress?: (phase: string, done?: number, total?: number) => void;
}

const col = (name: string, type: Column["type"]): Column => ({ name, type });
const now = () => new Date().toISOString();
const VERSION_COLUMNS = [
  col("id", "uuid"),
  col("modelId", "uuid"),
  col("number", "int"),
  col("snapshot", "jsonb"),
  col("message", "text"),
  col("authorEmail", "text"),
  col("createdAt", "timestamp"),
];

export async function applyImport(ctx: ApplyContext): Promise<{ projectId: string }> {
  const { client, plan } = ctx;
  const bundle = plan.bundle;
  const progress = ctx.onProgress ?? (() => {});
  const run = (sql: string, params: unknown[] = []) => client.query(sql, params);
  const secretOf = (credentials: BundleCredentials, path: string): SecretObject | null =>
    ctx.bundleKey ? decryptCredentials(ctx.bundleKey, credentials, path) : null;

  // 1. Project: create, or clear the replaced project's content (its operational history stays).
  progress("project", 0, 1);
  let projectId = ctx.context.projectId;
  if (plan.scope === "project") {
    if (plan.mode === "create") {
      projectId = randomUUID();
      await run(
        `INSERT INTO "Project" (id, "tenantId", slug, "displayName", active, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`,
        [projectId, ctx.tenantId, plan.project.slug, plan.project.displayName, plan.project.active],
      );
    } else {
      for (const table of [
        "AccessBinding",
        "Model",
        "LlmConfig",
        "AgentConfig",
        "Recipe",
        "ProjectSetting",
        "ProjectConnection",
      ])
        await run(`DELETE FROM "${table}" WHERE "projectId" = $1`, [projectId]);
      await run(`UPDATE "Project" SET "displayName" = $2, active = $3, "updatedAt" = now() WHERE id = $1`, [
        projectId,
        plan.project.displayName,
        plan.project.active,
      ]);
    }
  }
  faultPoint("project");

  // 2. Users (CLI --create-users only): created without a usable password, added to the tenant.
  const userIds = new Map(ctx.context.userIds);
  for (const email of plan.usersToCreate) {
    const id = randomUUID();
    await run(`INSERT INTO "User" (id, email, name, "passwordHash") VALUES ($1, $2, $3, $4)`, [
      id,
      email,
      email.split("@")[0],
      await hashPassword(newSecretToken()),
    ]);
    userIds.set(email, id);
  }
  if (plan.addMembers && plan.bindings.length > 0) {
    const memberIds = [...new Set(plan.bindings.map((b) => userIds.get(b.email)!))];
    await run(
      `INSERT INTO "Membership" ("tenantId", "userId", role) SELECT $1, unnest($2::uuid[]), 'MEMBER' ON CONFLICT ("tenantId", "userId") DO NOTHING`,
      [ctx.tenantId, memberIds],
    );
  }
  faultPoint("users");

  // 3. Connections: create new ones (secret re-encrypted under the tenant key), update mapped
  //    ones' secrets when asked, and link them all to the project.
  const connectionIds = new Map(ctx.context.connectionIds);
  const exported = new Map((bundle.connections ?? []).map((c, i) => [c.name, { connection: c, index: i }]));
  const created: Record<string, unknown>[] = [];
  for (const planned of plan.connections) {
    const { connection, index } = exported.get(planned.exportedName)!;
    const secret = planned.writesSecret ? secretOf(connection.credentials, `connections.${index}`) : null;
    if (planned.action === "map") {
      if (secret)
        await run(
          `UPDATE "Connection" SET "secretEncrypted" = $2, status = 'ACTIVE', "updatedAt" = now() WHERE id = $1`,
          [connectionIds.get(planned.targetName), ctx.cipher.encrypt(secret)],
        );
      continue;
    }
    const id = randomUUID();
    connectionIds.set(planned.targetName, id);
    created.push({
      id,
      tenantId: ctx.tenantId,
      name: planned.targetName,
      type: connection.type,
      config: connection.config,
      secretEncrypted: secret ? ctx.cipher.encrypt(secret) : null,
      status: secret ? "ACTIVE" : "PENDING_CREDENTIALS",
      updatedAt: now(),
    });
  }
  await bulkInsert(
    client,
    "Connection",
    [
      col("id", "uuid"),
      col("tenantId", "uuid"),
      col("name", "text"),
      col("type", { enum: "ConnectionType" }),
      col("config", "jsonb"),
      col("secretEncrypted", "text"),
      col("status", { enum: "CredentialStatus" }),
      col("updatedAt", "timestamp"),
    ],
    created,
  );
  const linked = [...new Set([...plan.connections.map((c) => c.targetName), ...plan.implicitConnections])].map((name) =>
    connectionIds.get(name)!,
  );
  if (linked.length > 0)
    await run(
      `INSERT INTO "ProjectConnection" ("projectId", "connectionId") SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [projectId, linked],
    );
  faultPoint("connections");

  // 4. LLM configs, each with its decrypted key or pending.
  await bulkInsert(
    client,
    "LlmConfig",
    [
      col("id", "uuid"),
      col("projectId", "uuid"),
      col("name", "text"),
      col("provider", { enum: "LlmProvider" }),
      col("endpoint", "text"),
      col("model", "text"),
      col("params", "jsonb"),
      col("apiKeyEncrypted", "text"),
      col("status", { enum: "CredentialStatus" }),
    ],
    (bundle.llmConfigs ?? []).map((l, i) => {
      const secret = secretOf(l.credentials, `llmConfigs.${i}`);
      return {
        id: randomUUID(),
        projectId,
        name: l.name,
        provider: l.provider,
        endpoint: l.endpoint,
        model: l.model,
        params: l.params,
        apiKeyEncrypted: secret ? ctx.cipher.encrypt(secret) : null,
        status: secret ? "ACTIVE" : "PENDING_CREDENTIALS",
      };
    }),
  );
  faultPoint("llmConfigs");

  // 5. Agent configuration.
  if (bundle.agent) {
    await run(
      `INSERT INTO "AgentConfig" (id, "projectId", persona, rubrics, "modelContexts", "webhookUrl") VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        randomUUID(),
        projectId,
        bundle.agent.persona,
        JSON.stringify(bundle.agent.rubrics),
        JSON.stringify(bundle.agent.modelContexts),
        bundle.agent.webhookUrl,
      ],
    );
  }
  faultPoint("agent");

  // 6. Models with their full history; never deployed after import.
  progress("models", 0, bundle.models.length);
  const modelIds = new Map<string, string>();
  if (plan.scope === "model" && plan.mode === "replace") {
    const model = bundle.models[0]!;
    const existing = (await run(`SELECT id FROM "Model" WHERE "projectId" = $1 AND slug = $2`, [projectId, model.slug]))
      .rows[0] as { id: string };
    for (const table of ["ModelVersion", "Aggregate", "PocketTable"])
      await run(`DELETE FROM "${table}" WHERE "modelId" = $1`, [existing.id]);
    await run(
      `UPDATE "Model" SET name = $2, "connectionId" = $3, draft = $4, "deployedVersion" = NULL, "deployedAt" = NULL WHERE id = $1`,
      [
        existing.id,
        model.name,
        model.connection ? connectionIds.get(model.connection)! : null,
        JSON.stringify(model.draft),
      ],
    );
    modelIds.set(model.slug, existing.id);
  } else {
    const rows = bundle.models.map((m) => {
      const id = randomUUID();
      modelIds.set(m.slug, id);
      return {
        id,
        projectId,
        slug: m.slug,
        name: m.name,
        connectionId: m.connection ? connectionIds.get(m.connection)! : null,
        draft: m.draft,
        createdAt: now(),
      };
    });
    await bulkInsert(
      client,
      "Model",
      [
        col("id", "uuid"),
        col("projectId", "uuid"),
        col("slug", "text"),
        col("name", "text"),
        col("connectionId", "uuid"),
        col("draft", "jsonb"),
        col("createdAt", "timestamp"),
      ],
      rows,
    );
  }
  faultPoint("models");

  const totalVersions = bundle.models.reduce((n, m) => n + m.versions.length, 0);
  let written = 0;
  function* versionRows() {
    for (const model of bundle.models) {
      for (const v of model.versions)
        yield {
          id: randomUUID(),
          modelId: modelIds.get(model.slug),
          number: v.number,
          snapshot: v.snapshot,
          message: v.message,
          authorEmail: v.author,
          createdAt: v.createdAt,
        };
      written += model.versions.length;
      progress("versions", written, totalVersions);
    }
  }
  await copyRows(client, "ModelVersion", VERSION_COLUMNS, versionRows());
  faultPoint("versions");

  const materialization = (kind: "aggregates" | "pockets", status: string) =>
    bundle.models.flatMap((m) =>
      m[kind].map((a) => ({
        id: randomUUID(),
        modelId: modelIds.get(m.slug),
        name: a.name,
        definition: a.definition,
        status,
      })),
    );
  await bulkInsert(
    client,
    "Aggregate",
    [
      col("id", "uuid"),
      col("modelId", "uuid"),
      col("name", "text"),
      col("definition", "jsonb"),
      col("status", { enum: "AggregateStatus" }),
    ],
    materialization("aggregates", "PENDING"),
  );
  await bulkInsert(
    client,
    "PocketTable",
    [
      col("id", "uuid"),
      col("modelId", "uuid"),
      col("name", "text"),
      col("definition", "jsonb"),
      col("status", { enum: "PocketStatus" }),
    ],
    materialization("pockets", "STALE"),
  );
  faultPoint("materializations");

  // 7. Recipes and settings.
  progress("settings", 0, 1);
  await bulkInsert(
    client,
    "Recipe",
    [col("id", "uuid"), col("projectId", "uuid"), col("slug", "text"), col("name", "text"), col("definition", "jsonb")],
    (bundle.recipes ?? []).map((r) => ({
      id: randomUUID(),
      projectId,
      slug: r.slug,
      name: r.name,
      definition: r.definition,
    })),
  );
  faultPoint("recipes");
  await bulkInsert(
    client,
    "ProjectSetting",
    [col("id", "uuid"), col("projectId", "uuid"), col("key", "text"), col("value", "jsonb")],
    (bundle.settings ?? []).map((s) => ({ id: randomUUID(), projectId, key: s.key, value: s.value ?? null })),
  );
  faultPoint("settings");

  // 8. Access bindings, users resolved by email.
  await bulkInsert(
    client,
    "AccessBinding",
    [
      col("id", "uuid"),
      col("projectId", "uuid"),
      col("modelId", "uuid"),
      col("userId", "uuid"),
      col("role", { enum: "ProjectRole" }),
    ],
    plan.bindings.map((b) => ({
      id: randomUUID(),
      projectId,
      modelId: b.model ? (modelIds.get(b.model) ?? null) : null,
      userId: userIds.get(b.email),
      role: b.role,
    })),
  );
  faultPoint("accessBindings");
  return { projectId: projectId! };
}
