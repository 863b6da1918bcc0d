import { z } from "zod";
import { MAX_BUNDLE_KDF_ITERATIONS, MIN_BUNDLE_KDF_ITERATIONS } from "@/lib/crypto/kdf-iterations";
import { slugSchema } from "@/lib/validations/slug";
import { isoDateTime } from "./credentials";
import { OPTIONAL_SECTIONS, SECTIONS, type AnySection } from "./sections";
import type { BundleModel } from "./sections/models";

// Bundle format `ferry.project`, version 1: the single source of truth for what a bundle holds.
// The envelope is defined here; each section's schema lives in its module (./sections) and the
// bundle schema is assembled from the registry. The JSON Schema in docs/ and at
// /api/v1/bundle-schema.json is generated from it.
// Natural keys only: projects/models/recipes by slug, connections/LLM configs by name, users by email.

export const BUNDLE_FORMAT = "ferry.project";
export const BUNDLE_VERSION = 1;

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

type SectionShape = {
  [S in AnySection as S["key"]]: S["key"] extends "models" ? S["schema"] : z.ZodOptional<S["schema"]>;
};

function sectionShape(): SectionShape {
  return Object.fromEntries(SECTIONS.map((s) => [s.key, s.optional ? s.schema.optional() : s.schema])) as SectionShape;
}

export const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  scope: z.enum(["project", "model"]),
  meta: metaSchema,
  project: projectSchema,
  sections: z.array(z.enum(OPTIONAL_SECTIONS)).max(OPTIONAL_SECTIONS.length),
  encryption: encryptionSchema.optional(),
  ...sectionShape(),
});

export type Bundle = Omit<z.infer<typeof bundleSchema>, "models"> & { models: BundleModel[] };
export type BundleEncryption = z.infer<typeof encryptionSchema>;
export type BundleMeta = z.infer<typeof metaSchema>;

export { credentialsSchema, type BundleCredentials } from "./credentials";
export { OPTIONAL_SECTIONS, DEFAULT_SECTIONS, type OptionalSection } from "./sections";
export { SECTION_LABELS } from "./section-catalog";
export { CONNECTION_TYPES, connectionSchema, type BundleConnection } from "./sections/connections";
export { LLM_PROVIDERS, llmConfigSchema, type BundleLlmConfig } from "./sections/llm-configs";
export { agentSchema, type BundleAgent } from "./sections/agent";
export { recipeSchema, type BundleRecipe } from "./sections/recipes";
export { settingSchema, type BundleSetting } from "./sections/settings";
export { PROJECT_ROLES, accessBindingSchema, type BundleAccessBinding } from "./sections/access-bindings";
export {
  modelSchema,
  versionSchema,
  materializationSchema,
  type BundleModel,
  type BundleVersion,
  type Snapshot,
} from "./sections/models";
