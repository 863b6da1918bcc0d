import { z } from "zod";
import { referenceSourceSchema } from "@/lib/projects/reference";
import { importResultSchema, requiredActionSchema } from "./import-result";

// What the other /api/v1 routes answer, as zod schemas: the OpenAPI document is generated from
// them, the contract test checks real answers against it, and a type test keeps the domain's
// return types inside them. JSON the user owns (model definitions, configs) stays open.

const projectRoleSchema = z.enum(["ADMIN", "EDITOR", "VIEWER"]);
const tenantRoleSchema = z.enum(["TENANT_ADMIN", "MEMBER"]);
const json = z.unknown();
const timestamp = z.string().meta({ description: "ISO 8601 date and time" });

export const healthSchema = z.object({ status: z.literal("ok") }).meta({ id: "Health" });

export const meSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    isSystemAdmin: z.boolean(),
    tenants: z.array(z.object({ slug: z.string(), name: z.string(), role: tenantRoleSchema })),
  })
  .meta({ id: "Me" });

export const projectListSchema = z
  .object({
    projects: z.array(
      z.object({
        tenant: z.string(),
        slug: z.string(),
        displayName: z.string(),
        active: z.boolean(),
        role: projectRoleSchema,
        modelCount: z.number().int(),
        reference: referenceSourceSchema.nullable(),
      }),
    ),
  })
  .meta({ id: "ProjectList" });

const statusItem = z.object({ name: z.string(), status: z.string() });

export const projectDetailSchema = z
  .object({
    project: z.object({
      tenant: z.string(),
      slug: z.string(),
      displayName: z.string(),
      active: z.boolean(),
      role: projectRoleSchema,
      reference: referenceSourceSchema.nullable(),
    }),
    models: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        connectionName: z.string().nullable(),
        versionCount: z.number().int(),
        latestVersion: z.number().int().nullable(),
        deployedVersion: z.number().int().nullable(),
        aggregates: z.array(statusItem),
        pockets: z.array(statusItem),
      }),
    ),
    connections: z.array(
      z.object({ name: z.string(), type: z.string(), config: json, status: z.string(), hasSecret: z.boolean() }),
    ),
    llmConfigs: z.array(
      z.object({
        name: z.string(),
        provider: z.string(),
        model: z.string(),
        endpoint: z.string().nullable(),
        params: json,
        status: z.string(),
        hasApiKey: z.boolean(),
      }),
    ),
    agent: z
      .object({ persona: z.string(), rubrics: json, modelContexts: json, webhookUrl: z.string().nullable() })
      .nullable(),
    recipes: z.array(z.object({ slug: z.string(), name: z.string(), definition: json })),
    settings: z.array(z.object({ key: z.string(), value: json })),
    accessBindings: z.array(z.object({ email: z.string(), role: projectRoleSchema, model: z.string().nullable() })),
  })
  .meta({ id: "ProjectDetail" });

const importSourceSchema = z.object({
  instance: z.string().optional(),
  tenant: z.string().optional(),
  project: z.string().optional(),
  exportedAt: z.string().optional(),
  exportedBy: z.string().optional(),
  snapshotId: z.string().optional(),
  snapshotAt: z.string().optional(),
});

export const historyPageSchema = z
  .object({
    entries: z.array(
      z.object({
        id: z.string(),
        at: timestamp,
        actor: z.string(),
        action: z.string(),
        outcome: z.string(),
        target: z.string(),
        project: z.string(),
        mode: z.string().optional(),
        source: importSourceSchema.optional(),
        counts: z.record(z.string(), json).optional(),
        warnings: z.number().int().optional(),
        code: z.string().optional(),
        importId: z.string().optional(),
        snapshotId: z.string().optional(),
        resultHref: z.string().optional(),
        details: z.record(z.string(), json),
      }),
    ),
    nextCursor: z.string().optional().meta({ description: "Pass as `before` for the next (older) page." }),
  })
  .meta({ id: "HistoryPage" });

export const storedImportSchema = z
  .object({
    id: z.string(),
    at: timestamp,
    actor: z.string(),
    action: z.string(),
    mode: z.string(),
    snapshotId: z.string().nullable(),
    source: importSourceSchema,
    // A stored result is kept as it was written: older results may lack newer fields.
    result: importResultSchema.partial(),
    checklist: z.array(
      requiredActionSchema.extend({
        index: z.number().int(),
        done: z.object({ by: z.string(), at: timestamp, auto: z.boolean() }).nullable(),
        checkable: z.boolean(),
      }),
    ),
  })
  .meta({ id: "StoredImport" });

export const snapshotSummarySchema = z.object({
  id: z.string(),
  createdAt: timestamp,
  createdBy: z.string(),
  reason: z.string(),
  mode: z.string(),
  models: z.number().int(),
  bytes: z.number(),
  compressedBytes: z.number(),
});

export const snapshotListSchema = z.object({ snapshots: z.array(snapshotSummarySchema) }).meta({ id: "SnapshotList" });

export const deployAllResultSchema = z
  .object({
    deployed: z.array(z.object({ model: z.string(), version: z.number().int() })),
    importId: z.string(),
  })
  .meta({ id: "DeployAllResult" });

export const refreshResultSchema = z
  .object({ aggregates: z.number().int(), pockets: z.number().int() })
  .meta({ id: "RefreshResult" });

export const detachResultSchema = z
  .object({
    project: z.string(),
    detached: z.literal(true),
    source: referenceSourceSchema.nullable().meta({ description: "The source it followed." }),
  })
  .meta({ id: "DetachResult" });
