import { z } from "zod";

/** The token of a reviewed plan (SPEC §11): an import or restore with it is refused (PLAN_STALE) once it no longer matches. */
export const planTokenSchema = z.string().regex(/^[0-9a-f]{64}$/, "a plan token is 64 hex digits");
