import { z } from "zod";
import { connectionMappingEntrySchema } from "@/lib/import/import-options";
import { planTokenSchema } from "./plan-token";

/** The body of Duplicate (SPEC §13), as the API and the dialog send it. */
export const duplicateOptionsSchema = z.strictObject({
  slug: z.string().min(1, "Choose a slug for the copy.").max(200),
  displayName: z.string().trim().min(1).max(200).optional(),
  tenant: z.string().min(1).max(100).optional(),
  connectionMapping: z.record(z.string(), connectionMappingEntrySchema).optional(),
  dryRun: z.boolean().optional(),
  planToken: planTokenSchema.optional(),
});
