import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { bulkInsert } from "@/lib/database/bulk-insert";
import { insertMemberships, insertUsers } from "@/lib/users/insert-users";
import {
  AccessBindingTable,
  AggregateTable,
  ConnectionTable,
  LlmConfigTable,
  ModelTable,
  ModelVersionTable,
  PocketTableTable,
  ProjectSettingTable,
  RecipeTable,
} from "@/lib/database/tables";
import { withPgTransaction } from "@/lib/database/pg-transaction";
import { cipherFor } from "@/lib/secrets/tenant-secrets";
import { newWrappedDataKey, unwrapDataKey } from "@/lib/secrets/keys";
import { largeSnapshot } from "./semantic-model";

// The scale workload of SPEC §7 (defaults: 200 models × 25 versions × ~20 KB snapshots, 100
// connections, 2,000 settings, 1,000 access bindings) generated into a scratch tenant with
// batched inserts, so the benchmark spends its time measuring, not generating.

export interface LargeProjectShape {
  models: number;
  versions: number;
  snapshotKb: number;
  connections: number;
  settings: number;
  accessBindings: number;
}

export const SPEC_WORKLOAD: LargeProjectShape = {
  models: 200,
  versions: 25,
  snapshotKb: 20,
  connections: 100,
  settings: 2_000,
  accessBindings: 1_000,
};

const TYPES = ["postgres", "snowflake", "bigquery", "databricks", "redshift", "mysql"] as const;

export async function generateLargeProject(options: {
  tenantSlug: string;
  projectSlug: string;
  shape: LargeProjectShape;
  adminEmail: string;
}): Promise<{ tenantId: string; projectId: string }> {
  const { shape } = options;
  const tenantId = randomUUID();
  const wrappedDataKey = newWrappedDataKey();
  const cipher = cipherFor(unwrapDataKey(wrappedDataKey));
  const projectId = randomUUID();
  return withPgTransaction(async (tx) => {
    await tx.query(`INSERT INTO "Tenant" (id, slug, name, "wrappedDataKey") VALUES ($1, $2, $3, $4)`, [
      tenantId,
      options.tenantSlug,
      `Scale test ${options.tenantSlug}`,
      wrappedDataKey,
    ]);
    const passwordHash = await hashPassword(randomUUID());
    const admin = (
      await tx.query(
        `INSERT INTO "User" (email, name, "passwordHash", "isSystemAdmin") VALUES ($1, 'Bench admin', $2, true) ON CONFLICT (email) DO UPDATE SET "isSystemAdmin" = true RETURNING id`,
        [options.adminEmail, passwordHash],
      )
    ).rows[0] as { id: string };
    const userCount = Math.max(1, Math.ceil(shape.accessBindings / 2));
    const emails = Array.from({ length: userCount }, (_, i) => `user${i}@${options.tenantSlug}.bench`);
    const userIds = await insertUsers(
      tx,
      emails.map((email, i) => ({ email, name: `User ${i}`, passwordHash })),
    );
    const users = emails.map((email) => ({ email, id: userIds.get(email)! }));
    await insertMemberships(
      tx,
      tenantId,
      users.map((u) => u.id),
    );
    await insertMemberships(tx, tenantId, [admin.id], "TENANT_ADMIN");

    await tx.query(
      `INSERT INTO "Project" (id, "tenantId", slug, "displayName", "updatedAt") VALUES ($1, $2, $3, $4, now())`,
      [projectId, tenantId, options.projectSlug, `Scale test (${shape.models} models)`],
    );
    const connections = Array.from({ length: shape.connections }, (_, i) => ({
      id: randomUUID(),
      tenantId,
      name: `conn-${String(i).padStart(3, "0")}`,
      type: TYPES[i % TYPES.length]!,
      config: {
        host: `db${i}.bench.internal`,
        port: 5432 + (i % 10),
        database: `warehouse_${i}`,
        warehouse: "BENCH_WH",
        schema: "public",
      },
      // The secret's shape per type, as the connection form stores it.
      secretEncrypted: cipher.encrypt(benchSecret(TYPES[i % TYPES.length]!, i)),
      status: "ACTIVE",
      updatedAt: new Date().toISOString(),
    }));
    await bulkInsert(
      tx,
      ConnectionTable,
      ["id", "tenantId", "name", "type", "config", "secretEncrypted", "status", "updatedAt"],
      connections,
    );
    await tx.query(`INSERT INTO "ProjectConnection" ("projectId", "connectionId") SELECT $1, unnest($2::uuid[])`, [
      projectId,
      connections.map((c) => c.id),
    ]);

    const models = Array.from({ length: shape.models }, (_, i) => ({
      id: randomUUID(),
      slug: `model-${String(i).padStart(4, "0")}`,
      connectionId: connections[i % connections.length]!.id,
    }));
    const targetBytes = shape.snapshotKb * 1024;
    const start = Date.UTC(2026, 0, 1);
    // Versions go in model by model so generation memory stays small.
    for (const [index, model] of models.entries()) {
      const joinTo = index > 0 ? models[index - 1]!.slug : undefined;
      const versions = Array.from({ length: shape.versions }, (_, v) => ({
        id: randomUUID(),
        modelId: model.id,
        number: v + 1,
        snapshot: largeSnapshot({ slug: model.slug, index, revision: v + 1, targetBytes, joinTo }),
        message: `Revision ${v + 1} of ${model.slug}`,
        authorEmail: users[v % users.length]!.email,
        createdAt: new Date(start + (index * shape.versions + v) * 60_000).toISOString(),
      }));
      await bulkInsert(
        tx,
        ModelTable,
        ["id", "projectId", "slug", "name", "connectionId", "draft", "deployedVersion"],
        [
          {
            id: model.id,
            projectId,
            slug: model.slug,
            name: `Model ${index}`,
            connectionId: model.connectionId,
            draft: versions[versions.length - 1]!.snapshot,
            deployedVersion: versions.length,
          },
        ],
      );
      await bulkInsert(
        tx,
        ModelVersionTable,
        ["id", "modelId", "number", "snapshot", "message", "authorEmail", "createdAt"],
        versions,
      );
    }
    await bulkInsert(
      tx,
      AggregateTable,
      ["id", "modelId", "name", "definition", "status"],
      models.flatMap((m) =>
        ["daily", "monthly"].map((name) => ({
          id: randomUUID(),
          modelId: m.id,
          name,
          definition: {
            measures: ["sum_amount_0"],
            dimensions: ["region_0"],
            refreshSchedule: name === "daily" ? "0 3 * * *" : "0 4 1 * *",
          },
          status: "READY",
        })),
      ),
    );
    await bulkInsert(
      tx,
      PocketTableTable,
      ["id", "modelId", "name", "definition", "status"],
      models.map((m) => ({
        id: randomUUID(),
        modelId: m.id,
        name: "recent",
        definition: { measures: ["count_sku_0"], rowLimit: 10_000 },
        status: "FRESH",
      })),
    );
    await bulkInsert(
      tx,
      ProjectSettingTable,
      ["id", "projectId", "key", "value"],
      Array.from({ length: shape.settings }, (_, i) => ({
        id: randomUUID(),
        projectId,
        key: `setting.${String(i).padStart(5, "0")}`,
        value: { enabled: i % 2 === 0, threshold: i, label: `Setting ${i}` },
      })),
    );
    await bulkInsert(
      tx,
      AccessBindingTable,
      ["id", "projectId", "modelId", "userId", "role"],
      Array.from({ length: shape.accessBindings }, (_, i) => ({
        id: randomUUID(),
        projectId,
        modelId: i % 2 === 0 ? null : models[i % models.length]!.id,
        userId: users[Math.floor(i / 2) % users.length]!.id,
        role: (["VIEWER", "EDITOR", "ADMIN"] as const)[i % 3]!,
      })),
    );
    await bulkInsert(
      tx,
      LlmConfigTable,
      ["id", "projectId", "name", "provider", "model", "params", "apiKeyEncrypted", "status"],
      ["primary", "judge"].map((name) => ({
        id: randomUUID(),
        projectId,
        name,
        provider: "openai",
        model: "gpt-4.1",
        params: { temperature: 0.2 },
        apiKeyEncrypted: cipher.encrypt({ apiKey: `sk-bench-${name}` }),
        status: "ACTIVE",
      })),
    );
    await tx.query(
      `INSERT INTO "AgentConfig" (id, "projectId", persona, rubrics, "modelContexts") VALUES ($1, $2, 'Bench agent', $3, $4)`,
      [
        randomUUID(),
        projectId,
        JSON.stringify([{ name: "accuracy", criteria: "Numbers match.", weight: 1 }]),
        JSON.stringify(models.slice(0, 20).map((m) => ({ model: m.slug, context: `Context for ${m.slug}` }))),
      ],
    );
    await bulkInsert(
      tx,
      RecipeTable,
      ["id", "projectId", "slug", "name", "definition"],
      Array.from({ length: 50 }, (_, i) => ({
        id: randomUUID(),
        projectId,
        slug: `recipe-${i}`,
        name: `Recipe ${i}`,
        definition: {
          models: [models[i % models.length]!.slug],
          steps: [{ measure: `${models[i % models.length]!.slug}.sum_amount_0` }],
        },
      })),
    );
    return { tenantId, projectId };
  });
}

function benchSecret(type: string, i: number): Record<string, unknown> {
  if (type === "bigquery") return { serviceAccountKey: { type: "service_account", private_key: `bench-secret-${i}` } };
  return { [type === "databricks" ? "token" : "password"]: `bench-secret-${i}` };
}
