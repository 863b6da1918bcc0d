import { z } from "zod";

/**
 * How a secret travels: "stripped" (left out on export), "none" (the source had no secret: pending
 * credentials there too), or a Fernet token of the secret's UTF-8 JSON under the bundle key.
 */
export const credentialsSchema = z.union([
  z.literal("stripped"),
  z.literal("none"),
  z.strictObject({ encrypted: z.string().min(1).max(1_000_000) }),
]);
export type BundleCredentials = z.infer<typeof credentialsSchema>;

/** The free-form JSON objects of a bundle (configs, params, definitions). */
export const freeObject = z.record(z.string(), z.unknown());
export const isoDateTime = z.iso.datetime({ offset: true });
