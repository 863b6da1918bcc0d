import "server-only";
import { randomUUID } from "node:crypto";
import { decryptCredentials, type SecretObject } from "@/lib/bundle/bundle-crypto";
import type { FernetKey } from "@/lib/crypto/fernet";
import { bulkInsert } from "@/lib/database/bulk-insert";
import type { Tx } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { newSecretToken } from "@/lib/auth/tokens";
import type { TenantCipher } from "@/lib/secrets/tenant-secrets";
import { faultPoint } from "./fault-point";
import type { ImportPlan } from "./plan-import";
import type { TargetContext } from "./read-import-target";

// Writes a plan inside the import's transaction, in batches (no per-row round trips). Any throw
// rolls everything back. Post-import resets by design: no deployed version, aggregates PENDING,
// pockets STALE (the report's checklist says what to do next).

export interface ApplyContext {
  tx: Tx;
  tenantId: string;
  plan: ImportPlan;
  context: TargetContext;
  /** Bundle key (when the bundle carries credentials) and the target tenant's cipher. */
  bundleKey: FernetKey | null;
  cipher: TenantCipher;
}

const now = () => new Date().toISOString();

export async function applyImport(ctx: ApplyContext): Promise<{ projectId: string }> {
  const { tx, plan } = ctx;
  const bundle = plan.bundle;
  const secretOf = (credentials: unknown, path: string): SecretObject | null =>
    ctx.bundleKey && typeof credentials === "object" && credentials !== null ? decryptCredentials(ctx.bundleKey, credentials as { encrypted: string }, path) : null;

  // 1. Project: create, or clear the replaced project's content (its operational history stays).
  let projectId = ctx.context.projectId;
  if (plan.scope === "project") {
    if (plan.mode === "create") {
      projectId = randomUUID();
      await tx.project.create({ data: { id: projectId, tenantId: ctx.tenantId, slug: plan.project.slug, displayName: plan.project.displayName, active: plan.project.active } });
    } else {
      const where = { projectId: projectId! };
      await tx.accessBinding.deleteMany({ where });
      await tx.model.deleteMany({ where });
      await tx.llmConfig.deleteMany({ where });
      await tx.agentConfig.deleteMany({ where });
      await tx.recipe.deleteMany({ where });
      await tx.projectSetting.deleteMany({ where });
      await tx.projectConnection.deleteMany({ where });
      await tx.project.update({ where: { id: projectId! }, data: { displayName: plan.project.displayName, active: plan.project.active } });
    }
  }
  faultPoint("project");

  // 2. Users (CLI --create-users only): created without a usable password, added to the tenant.
  const userIds = new Map(ctx.context.userIds);
  for (const email of plan.usersToCreate) {
    const user = await tx.user.create({ data: { email, name: email.split("@")[0]!, passwordHash: await hashPassword(newSecretToken()) }, select: { id: true } });
    userIds.set(email, user.id);
  }
  if (plan.addMembers) {
    const memberIds = [...new Set(plan.bindings.map((b) => userIds.get(b.email)!))];
    await tx.membership.createMany({ data: memberIds.map((userId) => ({ tenantId: ctx.tenantId, userId, role: "MEMBER" as const })), skipDuplicates: true });
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
      if (secret) await tx.connection.update({ where: { id: connectionIds.get(planned.targetName)! }, data: { secretEncrypted: ctx.cipher.encrypt(secret), status: "ACTIVE" } });
      continue;
    }
    const id = randomUUID();
    connectionIds.set(planned.targetName, id);
    created.push({ id, tenantId: ctx.tenantId, name: planned.targetName, type: connection.type, config: connection.config, secretEncrypted: secret ? ctx.cipher.encrypt(secret) : null, status: secret ? "ACTIVE" : "PENDING_CREDENTIALS", updatedAt: now() });
  }
  await bulkInsert(tx, "Connection", [{ name: "id", type: "uuid" }, { name: "tenantId", type: "uuid" }, { name: "name", type: "text" }, { name: "type", type: { enum: "ConnectionType" } }, { name: "config", type: "jsonb" }, { name: "secretEncrypted", type: "text" }, { name: "status", type: { enum: "CredentialStatus" } }, { name: "updatedAt", type: "timestamp" }], created);
  const linked = [...new Set([...plan.connections.map((c) => c.targetName), ...plan.implicitConnections])].map((name) => ({ projectId: projectId!, connectionId: connectionIds.get(name)! }));
  await tx.projectConnection.createMany({ data: linked, skipDuplicates: true });
  faultPoint("connections");

  // 4. LLM configs, each with its decrypted key or pending.
  await bulkInsert(
    tx,
    "LlmConfig",
    [{ name: "id", type: "uuid" }, { name: "projectId", type: "uuid" }, { name: "name", type: "text" }, { name: "provider", type: { enum: "LlmProvider" } }, { name: "endpoint", type: "text" }, { name: "model", type: "text" }, { name: "params", type: "jsonb" }, { name: "apiKeyEncrypted", type: "text" }, { name: "status", type: { enum: "CredentialStatus" } }],
    (bundle.llmConfigs ?? []).map((l, i) => {
      const secret = secretOf(l.credentials, `llmConfigs.${i}`);
      return { id: randomUUID(), projectId, name: l.name, provider: l.provider, endpoint: l.endpoint, model: l.model, params: l.params, apiKeyEncrypted: secret ? ctx.cipher.encrypt(secret) : null, status: secret ? "ACTIVE" : "PENDING_CREDENTIALS" };
    }),
  );
  faultPoint("llmConfigs");

  // 5. Agent configuration.
  if (bundle.agent) {
    await tx.agentConfig.create({ data: { projectId: projectId!, persona: bundle.agent.persona, rubrics: bundle.agent.rubrics, modelContexts: bundle.agent.modelContexts, webhookUrl: bundle.agent.webhookUrl } });
  }
  faultPoint("agent");

  // 6. Models with their full history; never deployed after import.
  const modelIds = new Map<string, string>();
  if (plan.scope === "model" && plan.mode === "replace") {
    const existing = await tx.model.findUniqueOrThrow({ where: { projectId_slug: { projectId: projectId!, slug: bundle.models[0]!.slug } }, select: { id: true } });
    await tx.modelVersion.deleteMany({ where: { modelId: existing.id } });
    await tx.aggregate.deleteMany({ where: { modelId: existing.id } });
    await tx.pocketTable.deleteMany({ where: { modelId: existing.id } });
    const model = bundle.models[0]!;
    await tx.model.update({ where: { id: existing.id }, data: { name: model.name, connectionId: model.connection ? connectionIds.get(model.connection)! : null, draft: model.draft as object, deployedVersion: null, deployedAt: null } });
    modelIds.set(model.slug, existing.id);
  } else {
    const rows = bundle.models.map((m) => {
      const id = randomUUID();
      modelIds.set(m.slug, id);
      return { id, projectId, slug: m.slug, name: m.name, connectionId: m.connection ? connectionIds.get(m.connection)! : null, draft: m.draft, createdAt: now() };
    });
    await bulkInsert(tx, "Model", [{ name: "id", type: "uuid" }, { name: "projectId", type: "uuid" }, { name: "slug", type: "text" }, { name: "name", type: "text" }, { name: "connectionId", type: "uuid" }, { name: "draft", type: "jsonb" }, { name: "createdAt", type: "timestamp" }], rows);
  }
  faultPoint("models");

  await bulkInsert(
    tx,
    "ModelVersion",
    [{ name: "id", type: "uuid" }, { name: "modelId", type: "uuid" }, { name: "number", type: "int" }, { name: "snapshot", type: "jsonb" }, { name: "message", type: "text" }, { name: "authorEmail", type: "text" }, { name: "createdAt", type: "timestamp" }],
    bundle.models.flatMap((m) => m.versions.map((v) => ({ id: randomUUID(), modelId: modelIds.get(m.slug), number: v.number, snapshot: v.snapshot, message: v.message, authorEmail: v.author, createdAt: v.createdAt }))),
  );
  faultPoint("versions");

  await bulkInsert(tx, "Aggregate", [{ name: "id", type: "uuid" }, { name: "modelId", type: "uuid" }, { name: "name", type: "text" }, { name: "definition", type: "jsonb" }, { name: "status", type: { enum: "AggregateStatus" } }], bundle.models.flatMap((m) => m.aggregates.map((a) => ({ id: randomUUID(), modelId: modelIds.get(m.slug), name: a.name, definition: a.definition, status: "PENDING" }))));
  await bulkInsert(tx, "PocketTable", [{ name: "id", type: "uuid" }, { name: "modelId", type: "uuid" }, { name: "name", type: "text" }, { name: "definition", type: "jsonb" }, { name: "status", type: { enum: "PocketStatus" } }], bundle.models.flatMap((m) => m.pockets.map((p) => ({ id: randomUUID(), modelId: modelIds.get(m.slug), name: p.name, definition: p.definition, status: "STALE" }))));
  faultPoint("materializations");

  // 7. Recipes and settings.
  await bulkInsert(tx, "Recipe", [{ name: "id", type: "uuid" }, { name: "projectId", type: "uuid" }, { name: "slug", type: "text" }, { name: "name", type: "text" }, { name: "definition", type: "jsonb" }], (bundle.recipes ?? []).map((r) => ({ id: randomUUID(), projectId, slug: r.slug, name: r.name, definition: r.definition })));
  faultPoint("recipes");
  await bulkInsert(tx, "ProjectSetting", [{ name: "id", type: "uuid" }, { name: "projectId", type: "uuid" }, { name: "key", type: "text" }, { name: "value", type: "jsonb" }], (bundle.settings ?? []).map((s) => ({ id: randomUUID(), projectId, key: s.key, value: s.value ?? null })));
  faultPoint("settings");

  // 8. Access bindings, users resolved by email.
  await bulkInsert(
    tx,
    "AccessBinding",
    [{ name: "id", type: "uuid" }, { name: "projectId", type: "uuid" }, { name: "modelId", type: "uuid" }, { name: "userId", type: "uuid" }, { name: "role", type: { enum: "ProjectRole" } }],
    plan.bindings.map((b) => ({ id: randomUUID(), projectId, modelId: b.model ? modelIds.get(b.model) ?? null : null, userId: userIds.get(b.email), role: b.role })),
  );
  faultPoint("accessBindings");
  return { projectId: projectId! };
}
