import { z } from "zod";
import { MAX_BUNDLE_KDF_ITERATIONS, MIN_BUNDLE_KDF_ITERATIONS } from "@/lib/crypto/kdf-iterations";
import { nameSchema, slugSchema } from "@/lib/validations/slug";
import { PG_INT4_MAX } from "@/lib/validations/storable";
import { snapshotSchema } from "@/lib/validations/snapshot";
import type { RawJson } from "./raw-json";

// Bundle format `ferry.project`, version 1: the single source of truth for what a bundle holds.
// The JSON Schema in docs/ and at /api/v1/bundle-schema.json is generated from it.
// Natural keys only: projects/models/recipes by slug, connections/LLM configs by name, users by email.

export const BUNDLE_FORMAT = "ferry.project";
export const BUNDLE_VERSION = 1;

/** Optional sections in canonical order, with the export dialog's defaults (SPEC §2). */
export const OPTIONAL_SECTIONS = [
  "connections",
  "llmConfigs",
  "agent",
  "recipes",
  "settings",
  "accessBindings",
] as const;
export type OptionalSection = (typeof OPTIONAL_SECTIONS)[number];
export const DEFAULT_SECTIONS: OptionalSection[] = ["connections", "llmConfigs", "agent", "recipes", "settings"];

export const CONNECTION_TYPES = ["postgres", "snowflake", "bigquery", "databricks", "redshift", "mysql"] as const;
export const LLM_PROVIDERS = ["openai", "anthropic", "azure-openai", "bedrock", "ollama"] as const;
export const PROJECT_ROLES = ["ADMIN", "EDITOR", "VIEWER"] as const;

const isoDateTime = z.iso.datetime({ offset: true });
const freeObject = z.record(z.string(), z.unknown());

/**
 * How a secret travels: "stripped" (left out on export), "none" (the source had no secret: pending
 * credentials there too), or a Fernet token of the secret's UTF-8 JSON under the bundle key.
 */
export const credentialsSchema = z.union([
  z.literal("stripped"),
  z.literal("none"),
  z.strictObject({ encrypted: z.string().min(1).max(1_000_000) }),
]);

export const encryptionSchema = z.strictObject({
  cipher: z.literal("fernet"),
  kdf: z.literal("pbkdf2-sha256"),
  iterations: z.number().int().min(MIN_BUNDLE_KDF_ITERATIONS).max(MAX_BUNDLE_KDF_ITERATIONS),
  salt: z.base64().min(16),
  verifier: z.string().min(1).max(1_000),
});

export const metaSchema = z.strictObject({
  exportedAt: isoDateTime.optional(),
  exportedBy: z.string().min(1).max(320),
  source: z.strictObject({ tenant: z.string().min(1).max(100), instance: z.string().min(1).max(200) }),
});

export const projectSchema = z.strictObject({
  slug: slugSchema,
  displayName: z.string().min(1).max(200),
  active: z.boolean(),
});

export const connectionSchema = z.strictObject({
  name: nameSchema,
  type: z.enum(CONNECTION_TYPES),
  config: freeObject,
  credentials: credentialsSchema,
});

export const llmConfigSchema = z.strictObject({
  name: nameSchema,
  provider: z.enum(LLM_PROVIDERS),
  endpoint: z.string().max(2_000).nullable(),
  model: z.string().min(1).max(200),
  params: freeObject,
  credentials: credentialsSchema,
});

export const agentSchema = z.strictObject({
  persona: z.string().max(100_000),
  rubrics: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(200),
        criteria: z.string().max(10_000),
        weight: z.number().min(0).max(1),
      }),
    )
    .max(1_000),
  modelContexts: z.array(z.strictObject({ model: slugSchema, context: z.string().max(100_000) })).max(10_000),
  webhookUrl: z.string().max(2_000).nullable(),
});

export const versionSchema = z.strictObject({
  number: z.number().int().min(1).max(PG_INT4_MAX),
  message: z.string().max(500),
  author: z.string().min(1).max(320),
  createdAt: isoDateTime,
  snapshot: snapshotSchema,
});

export const materializationSchema = z.strictObject({ name: nameSchema, definition: freeObject });

export const modelSchema = z.strictObject({
  slug: slugSchema,
  name: z.string().min(1).max(200),
  connection: nameSchema.nullable(),
  /** The version live in the source; import clears deployment by design and reports it. */
  deployedVersion: z.number().int().min(1).nullable(),
  draft: snapshotSchema,
  versions: z.array(versionSchema).max(100_000),
  aggregates: z.array(materializationSchema).max(10_000),
  pockets: z.array(materializationSchema).max(10_000),
});

export const recipeSchema = z.strictObject({
  slug: slugSchema,
  name: z.string().min(1).max(200),
  definition: freeObject,
});

export const settingSchema = z.strictObject({ key: z.string().min(1).max(200), value: z.unknown() });

export const accessBindingSchema = z.strictObject({
  user: z.email().max(320),
  role: z.enum(PROJECT_ROLES),
  model: slugSchema.nullable(),
});

export const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  scope: z.enum(["project", "model"]),
  meta: metaSchema,
  project: projectSchema,
  sections: z.array(z.enum(OPTIONAL_SECTIONS)).max(OPTIONAL_SECTIONS.length),
  encryption: encryptionSchema.optional(),
  connections: z.array(connectionSchema).max(10_000).optional(),
  llmConfigs: z.array(llmConfigSchema).max(10_000).optional(),
  agent: agentSchema.nullable().optional(),
  models: z.array(modelSchema).max(100_000),
  recipes: z.array(recipeSchema).max(100_000).optional(),
  settings: z.array(settingSchema).max(1_000_000).optional(),
  accessBindings: z.array(accessBindingSchema).max(1_000_000).optional(),
});

export type Snapshot = z.infer<typeof snapshotSchema>;
/** A version's snapshot: an object, or (uploads) the validated bytes it arrived in. */
export type BundleVersion = Omit<z.infer<typeof versionSchema>, "snapshot"> & { snapshot: Snapshot | RawJson };
export type BundleModel = Omit<z.infer<typeof modelSchema>, "versions"> & { versions: BundleVersion[] };
export type Bundle = Omit<z.infer<typeof bundleSchema>, "models"> & { models: BundleModel[] };
export type BundleConnection = z.infer<typeof connectionSchema>;
export type BundleLlmConfig = z.infer<typeof llmConfigSchema>;
export type BundleAgent = z.infer<typeof agentSchema>;
export type BundleRecipe = z.infer<typeof recipeSchema>;
export type BundleSetting = z.infer<typeof settingSchema>;
export type BundleAccessBinding = z.infer<typeof accessBindingSchema>;
export type BundleCredentials = z.infer<typeof credentialsSchema>;
export type BundleEncryption = z.infer<typeof encryptionSchema>;
export type BundleMeta = z.infer<typeof metaSchema>;
