import { z } from "zod";
import { planTokenSchema } from "./plan-token";
import { tenantQuerySchema } from "./tenant";

// Inputs of the history, snapshot and checklist routes (SPEC §12): the routes parse them, the
// domain functions re-check them, and the OpenAPI document is generated from them.

/** `?tenant=&limit=&before=` of the history routes. */
export const historyQuerySchema = tenantQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  before: z
    .string()
    .regex(/^\d+_[0-9a-f-]{36}$/, "a cursor from the previous page (nextCursor)")
    .optional(),
});

/** The body of a restore: a dry run answers the plan; `planToken` refuses a changed project. */
export const restoreOptionsSchema = z.strictObject({
  dryRun: z.boolean().optional(),
  planToken: planTokenSchema.optional(),
});

/** The body of a snapshot's download with credentials (POST); GET sends none. */
export const downloadOptionsSchema = z.strictObject({
  includeCredentials: z.boolean().optional(),
  passphrase: z.string().max(1_000).optional(),
});

/** `{ importId? }` of Deploy all: the import whose live versions to deploy (default: the latest). */
export const deployAllOptionsSchema = z.strictObject({ importId: z.uuid().optional() });

/** Ticks (`true`) or unticks a checklist item by hand. */
export const checklistTickSchema = z.strictObject({ done: z.boolean() });

/** A checklist item's position in the path; anything else names no item (404). */
export const checklistItemSchema = z
  .string()
  .regex(/^\d{1,6}$/, "a checklist item's number")
  .transform(Number);
