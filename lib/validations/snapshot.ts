import { z } from "zod";

// The semantic definition of a model (draft and version snapshots). Known parts are checked;
// extra keys are kept, since semantic layers grow fields faster than tools do.

const identifier = z.string().min(1).max(200);

export const snapshotSchema = z
  .object({
    sourceTable: z.string().min(1, "sourceTable is required.").max(500),
    description: z.string().max(10_000).optional(),
    dimensions: z
      .array(z.object({ name: identifier, type: z.string().min(1).max(50), sql: z.string().max(10_000) }).passthrough())
      .max(5_000),
    measures: z
      .array(z.object({ name: identifier, type: z.string().min(1).max(50), sql: z.string().max(10_000) }).passthrough())
      .max(5_000),
    joins: z
      .array(
        z
          .object({
            model: z.string().min(1).max(63),
            relationship: z.string().min(1).max(50),
            on: z.string().max(10_000),
          })
          .passthrough(),
      )
      .max(500),
  })
  .passthrough();

export type SnapshotInput = z.infer<typeof snapshotSchema>;

export const saveModelVersionSchema = z.object({
  draft: snapshotSchema,
  message: z.string().trim().min(1, "Describe the change.").max(500),
});
