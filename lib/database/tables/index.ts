import { col, defineTable } from "./define-table";

// Every table the bulk paths (export, import, snapshot, the large-project generator) touch,
// one definition each. Column order follows the migrations.
const { uuid, text, int, bigint, bool, jsonb, bytea, timestamp, nullable, enumOf } = col;

export const TenantTable = defineTable("Tenant", {
  id: uuid,
  slug: text,
  name: text,
  wrappedDataKey: text,
  createdAt: timestamp,
});

export const UserTable = defineTable("User", {
  id: uuid,
  email: text,
  name: text,
  passwordHash: text,
  isSystemAdmin: bool,
  createdAt: timestamp,
});

export const MembershipTable = defineTable("Membership", {
  id: uuid,
  tenantId: uuid,
  userId: uuid,
  role: enumOf("TenantRole"),
});

export const ProjectTable = defineTable("Project", {
  id: uuid,
  tenantId: uuid,
  slug: text,
  displayName: text,
  active: bool,
  createdAt: timestamp,
  updatedAt: timestamp,
  reference: bool,
  referenceSource: nullable(jsonb),
});

export const ConnectionTable = defineTable("Connection", {
  id: uuid,
  tenantId: uuid,
  name: text,
  type: enumOf("ConnectionType"),
  config: jsonb,
  secretEncrypted: nullable(text),
  status: enumOf("CredentialStatus"),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const ProjectConnectionTable = defineTable("ProjectConnection", {
  projectId: uuid,
  connectionId: uuid,
});

export const LlmConfigTable = defineTable("LlmConfig", {
  id: uuid,
  projectId: uuid,
  name: text,
  provider: enumOf("LlmProvider"),
  endpoint: nullable(text),
  model: text,
  params: jsonb,
  apiKeyEncrypted: nullable(text),
  status: enumOf("CredentialStatus"),
});

export const AgentConfigTable = defineTable("AgentConfig", {
  id: uuid,
  projectId: uuid,
  persona: text,
  rubrics: jsonb,
  modelContexts: jsonb,
  webhookUrl: nullable(text),
});

export const ModelTable = defineTable("Model", {
  id: uuid,
  projectId: uuid,
  slug: text,
  name: text,
  connectionId: nullable(uuid),
  draft: jsonb,
  deployedVersion: nullable(int),
  deployedAt: nullable(timestamp),
  createdAt: timestamp,
});

export const ModelVersionTable = defineTable("ModelVersion", {
  id: uuid,
  modelId: uuid,
  number: int,
  snapshot: jsonb,
  message: text,
  authorEmail: text,
  createdAt: timestamp,
});

export const AggregateTable = defineTable("Aggregate", {
  id: uuid,
  modelId: uuid,
  name: text,
  definition: jsonb,
  status: enumOf("AggregateStatus"),
  builtAt: nullable(timestamp),
});

export const PocketTableTable = defineTable("PocketTable", {
  id: uuid,
  modelId: uuid,
  name: text,
  definition: jsonb,
  status: enumOf("PocketStatus"),
  refreshedAt: nullable(timestamp),
});

export const RecipeTable = defineTable("Recipe", {
  id: uuid,
  projectId: uuid,
  slug: text,
  name: text,
  definition: jsonb,
});

export const ProjectSettingTable = defineTable("ProjectSetting", {
  id: uuid,
  projectId: uuid,
  key: text,
  value: jsonb,
});

export const AccessBindingTable = defineTable("AccessBinding", {
  id: uuid,
  projectId: uuid,
  modelId: nullable(uuid),
  userId: uuid,
  role: enumOf("ProjectRole"),
});

export const AuditEventTable = defineTable("AuditEvent", {
  id: uuid,
  tenantId: nullable(uuid),
  actorEmail: text,
  action: text,
  target: text,
  summary: jsonb,
  at: timestamp,
});

// The safety net (SPEC §12): written in the import's own transaction.
export const ProjectSnapshotTable = defineTable("ProjectSnapshot", {
  id: uuid,
  tenantId: uuid,
  projectId: uuid,
  createdAt: timestamp,
  createdBy: text,
  reason: text,
  mode: text,
  models: int,
  bytes: bigint,
  content: bytea,
  sealedKey: text,
});

export const ImportRecordTable = defineTable("ImportRecord", {
  id: uuid,
  tenantId: uuid,
  projectId: uuid,
  at: timestamp,
  actorEmail: text,
  action: text,
  mode: text,
  snapshotId: nullable(uuid),
  source: jsonb,
  result: jsonb,
});

export const BULK_TABLES = [
  TenantTable,
  UserTable,
  MembershipTable,
  ProjectTable,
  ConnectionTable,
  ProjectConnectionTable,
  LlmConfigTable,
  AgentConfigTable,
  ModelTable,
  ModelVersionTable,
  AggregateTable,
  PocketTableTable,
  RecipeTable,
  ProjectSettingTable,
  AccessBindingTable,
  AuditEventTable,
  ProjectSnapshotTable,
  ImportRecordTable,
] as const;

export { columnList, type RowOf, type Table } from "./define-table";
