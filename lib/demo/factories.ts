import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ConnectionType, LlmProvider, ProjectRole, TenantRole } from "@/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { newWrappedDataKey, unwrapDataKey } from "@/lib/secrets/keys";
import { cipherFor, type SecretValue } from "@/lib/secrets/tenant-secrets";

// Data factories shared by the demo seed, the tests and the benchmark generator.

type Client = Pick<
  PrismaClient,
  "tenant" | "user" | "membership" | "project" | "connection" | "projectConnection" | "llmConfig" | "accessBinding"
>;

export async function createTenant(db: Client, data: { slug: string; name: string }) {
  return db.tenant.create({ data: { ...data, wrappedDataKey: newWrappedDataKey() } });
}

export async function createUser(
  db: Client,
  data: { email: string; name: string; password: string; isSystemAdmin?: boolean },
) {
  return db.user.create({
    data: {
      email: data.email.toLowerCase(),
      name: data.name,
      passwordHash: await hashPassword(data.password),
      isSystemAdmin: data.isSystemAdmin ?? false,
    },
  });
}

export async function addMembership(db: Client, data: { tenantId: string; userId: string; role: TenantRole }) {
  return db.membership.create({ data });
}

export async function createConnection(
  db: Client,
  data: { tenantId: string; name: string; type: ConnectionType; config: Record<string, unknown>; secret?: SecretValue },
) {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: data.tenantId }, select: { wrappedDataKey: true } });
  const cipher = cipherFor(unwrapDataKey(tenant.wrappedDataKey));
  return db.connection.create({
    data: {
      tenantId: data.tenantId,
      name: data.name,
      type: data.type,
      config: data.config as object,
      secretEncrypted: data.secret ? cipher.encrypt(data.secret) : null,
      status: data.secret ? "ACTIVE" : "PENDING_CREDENTIALS",
    },
  });
}

export async function linkConnection(db: Client, data: { projectId: string; connectionId: string }) {
  return db.projectConnection.create({ data });
}

export async function createLlmConfig(
  db: Client,
  data: {
    tenantId: string;
    projectId: string;
    name: string;
    provider: LlmProvider;
    endpoint?: string;
    model: string;
    params: Record<string, unknown>;
    apiKey?: string;
  },
) {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: data.tenantId }, select: { wrappedDataKey: true } });
  const cipher = cipherFor(unwrapDataKey(tenant.wrappedDataKey));
  return db.llmConfig.create({
    data: {
      projectId: data.projectId,
      name: data.name,
      provider: data.provider,
      endpoint: data.endpoint ?? null,
      model: data.model,
      params: data.params as object,
      apiKeyEncrypted: data.apiKey ? cipher.encrypt({ apiKey: data.apiKey }) : null,
      status: data.apiKey ? "ACTIVE" : "PENDING_CREDENTIALS",
    },
  });
}

export async function bindAccess(
  db: Client,
  data: { projectId: string; userId: string; role: ProjectRole; modelId?: string },
) {
  return db.accessBinding.create({
    data: { projectId: data.projectId, userId: data.userId, role: data.role, modelId: data.modelId ?? null },
  });
}
