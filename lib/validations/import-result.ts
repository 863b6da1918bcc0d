import { z } from "zod";
import { bundleSchema } from "@/lib/bundle/schema";
import { SECTIONS } from "@/lib/bundle/sections";
import { IMPORT_MODES } from "@/lib/import/import-options";
import { PLAN_ACTIONS } from "@/lib/import/plan-actions";
import { referenceSourceSchema } from "@/lib/projects/reference";

// What the import routes answer (SPEC §4, §11): an import's result or dry run, and a preview. The
// OpenAPI document is generated from these schemas, the contract test checks real answers
// against it, and a type test keeps the domain's types (ImportResult, ImportPreview) inside them.

const sectionKeySchema = z.enum(SECTIONS.map((s) => s.key));
const planActionSchema = z.enum(PLAN_ACTIONS);
const credentialStateSchema = z.enum(["encrypted", "stripped", "none"]);

/** Per section: what an import created, updated, skipped, deleted, linked (connections matched by name). */
export const sectionCountSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  deleted: z.number().int().optional(),
  linked: z.number().int().optional(),
});

export const importWarningSchema = z.object({
  code: z.enum([
    "MODEL_KEPT",
    "ACCESS_BINDING_SKIPPED",
    "ACCESS_BINDINGS_REMOVED",
    "SHARED_CONNECTION_UPDATED",
    "SHARED_CONNECTION_MAPPED",
    "CREDENTIALS_NOT_INCLUDED",
    "USER_CREATED",
    "MODEL_RENAMED",
    "VERSION_CONFLICT",
    "CONNECTIONS_MATCHED_BY_NAME",
  ]),
  message: z.string(),
  path: z.string().optional(),
});

/** What to do after an import, with a link; `subject` says what it is about, to tell when it is done. */
export const requiredActionSchema = z.object({
  kind: z.enum(["deploy-model", "refresh", "enter-credentials", "retest-agent"]),
  message: z.string(),
  href: z.string(),
  subject: z
    .union([
      z.object({ model: z.string(), version: z.number().int().optional() }),
      z.object({ connection: z.string() }),
      z.object({ llmConfig: z.string() }),
    ])
    .optional(),
});

export const planItemSchema = z
  .object({
    key: z.string().meta({ description: "The item's natural key in the target (after renames and mapping)." }),
    action: planActionSchema,
    changes: z
      .array(z.object({ path: z.string(), before: z.unknown().optional(), after: z.unknown().optional() }))
      .optional()
      .meta({ description: "Updates: the changed paths with before and after (secrets only as states)." }),
    more: z.number().int().optional().meta({ description: "Changed paths beyond `changes`." }),
    versions: z
      .object({
        append: z.array(z.number().int()),
        remove: z.array(z.number().int()),
        conflict: z.array(z.number().int()),
      })
      .optional()
      .meta({ description: "Models: versions appended, removed (replace), or differing under the same number." }),
    note: z.string().optional().meta({ description: "One line for a reader, e.g. pending credentials." }),
  })
  .meta({ id: "PlanItem" });

export const importResultSchema = z
  .object({
    scope: bundleSchema.shape.scope,
    mode: z.enum(IMPORT_MODES),
    dryRun: z.boolean(),
    planToken: z.string(),
    summary: z.record(z.string(), sectionCountSchema),
    warnings: z.array(importWarningSchema),
    requiredActions: z.array(requiredActionSchema),
    plan: z.object({
      changes: z.boolean(),
      project: planItemSchema,
      sections: z.array(
        z.object({
          key: sectionKeySchema,
          label: z.string(),
          counts: z.partialRecord(planActionSchema, z.number().int()),
          items: z.array(planItemSchema),
          omitted: z.number().int().optional().meta({
            description:
              "An applied import's result lists at most 10,000 items per section (deletions and updates first); the others are counted here. A plan (dry run) lists every item.",
          }),
        }),
      ),
    }),
    project: z.object({ tenant: z.string(), slug: z.string(), displayName: z.string(), href: z.string() }),
    connections: z.array(
      z.object({
        exportedName: z.string(),
        type: z.string(),
        action: z.string(),
        targetName: z.string(),
        sharedWith: z.array(z.string()),
      }),
    ),
    llmConfigs: z.array(z.object({ name: z.string(), active: z.boolean() })),
    reference: z
      .object({ action: z.enum(["create", "convert", "update"]), source: referenceSourceSchema })
      .nullable()
      .optional()
      .meta({
        description:
          "The project becomes a reference (create, convert) or this is a Reference update (SPEC §13); absent in results stored before reference projects.",
      }),
    importId: z.string().optional(),
    resultHref: z.string().optional(),
    snapshot: z
      .object({ id: z.string(), models: z.number().int(), bytes: z.number(), compressedBytes: z.number() })
      .optional(),
  })
  .meta({ id: "ImportResult" });

export const importPreviewSchema = z
  .object({
    summary: z.object({
      scope: bundleSchema.shape.scope,
      project: bundleSchema.shape.project,
      source: z.object({
        tenant: z.string(),
        instance: z.string(),
        exportedBy: z.string(),
        exportedAt: z.string().nullable(),
      }),
      sections: z.array(z.string()),
      credentialsIncluded: z.boolean(),
      counts: z.record(z.string(), z.number().int()),
      models: z.array(
        z.object({
          slug: z.string(),
          name: z.string(),
          connection: z.string().nullable(),
          versions: z.number().int(),
          deployedVersion: z.number().int().nullable(),
        }),
      ),
      connections: z.array(z.object({ name: z.string(), type: z.string(), credentials: credentialStateSchema })),
      llmConfigs: z.array(
        z.object({ name: z.string(), provider: z.string(), model: z.string(), credentials: credentialStateSchema }),
      ),
      hasAgent: z.boolean(),
    }),
    target: z.object({
      tenant: z.string(),
      slugTaken: z.boolean(),
      suggestedSlug: z.string(),
      projects: z.array(z.object({ slug: z.string(), displayName: z.string() })),
      connections: z.array(z.object({ name: z.string(), type: z.string(), projects: z.array(z.string()) })),
    }),
    connectionRows: z.array(
      z.object({
        name: z.string(),
        type: z.string(),
        credentials: z.string(),
        existing: z.object({ name: z.string(), type: z.string() }).nullable(),
        candidates: z.array(z.string()),
        defaultAction: z.enum(["create", "map", "pending"]).nullable(),
      }),
    ),
  })
  .meta({ id: "ImportPreview" });
