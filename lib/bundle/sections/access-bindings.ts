import { z } from "zod";
import { AccessBindingTable } from "@/lib/database/tables";
import type { ImportOptions } from "@/lib/import/import-options";
import type { ImportTarget, PlannedBinding } from "@/lib/import/plan-import";
import { slugSchema } from "@/lib/validations/slug";
import { byKey, compareKeys } from "../json-order";
import { defineSection, type BundleSection } from "./section";

// Who may open the project: bindings of users (by e-mail) to the project or one of its models.
// Import resolves users in the target tenant; a user who is not a member there is skipped with a
// warning (never saying whether the e-mail has an account elsewhere).

export const PROJECT_ROLES = ["ADMIN", "EDITOR", "VIEWER"] as const;

export const accessBindingSchema = z.strictObject({
  user: z.email().max(320),
  role: z.enum(PROJECT_ROLES),
  model: slugSchema.nullable(),
});
export type BundleAccessBinding = z.infer<typeof accessBindingSchema>;

const accessBindingsSchema = z.array(accessBindingSchema).max(1_000_000);

// Annotated, not inferred: the bundle type is derived from the registry, and the writes refer back to it.
export const accessBindings: BundleSection<"accessBindings", typeof accessBindingsSchema, BundleAccessBinding> =
  defineSection({
    key: "accessBindings",
    label: "Access bindings",
    hint: "Who has which role (users matched by email on import)",
    optional: true,
    exportDefault: false,
    schema: accessBindingsSchema,
    items: (value) => value ?? [],
    keyOf: (b: BundleAccessBinding) => `${b.user.toLowerCase()}\u0000${b.model ?? ""}`,
    keyName: "access binding",
    showKey: (b) => `${b.user.toLowerCase()} on ${b.model ?? "the project"}`,
    canonical: (value) =>
      [...value]
        .sort(byKey((b) => `${b.user}\u0000${b.model ?? ""}`))
        .map((b) => ({ user: b.user, role: b.role, model: b.model })),
    read: (ctx) =>
      ctx.rows(
        `SELECT u.email AS "user", b.role::text AS role, m.slug AS model FROM "${AccessBindingTable.name}" b JOIN "User" u ON u.id = b."userId" LEFT JOIN "Model" m ON m.id = b."modelId" WHERE b."projectId" = $1`,
        [ctx.projectId],
      ),
    writeAfter: ["models"],
    write: {
      // Writes the planned bindings (users resolved by e-mail). CLI --create-users first creates the
      // missing users (without a usable password) and adds binding users to the tenant.
      async create(ctx, items) {
        const { plan } = ctx;
        const wanted = new Set(items.map(accessBindings.keyOf));
        const bindings = plan.bindings.filter((b) => wanted.has(`${b.email}\u0000${b.model ?? ""}`));
        const emails = new Set(bindings.map((b) => b.email));
        const toCreate = plan.usersToCreate.filter((email) => emails.has(email) && !ctx.ids.users.has(email));
        for (const [email, id] of await ctx.insertUsers(toCreate.map((email) => ({ email }))))
          ctx.ids.users.set(email, id);
        if (plan.addMembers && bindings.length > 0) {
          await ctx.insertMemberships([...new Set(bindings.map((b) => ctx.ids.users.get(b.email)!))]);
        }
        ctx.fault("users");
        await ctx.bulkInsert(
          ctx.client,
          AccessBindingTable,
          ["id", "projectId", "modelId", "userId", "role"],
          bindings.map((b) => ({
            id: crypto.randomUUID(),
            projectId: ctx.projectId,
            modelId: b.model ? modelIdOf(ctx.ids.models, b.model) : null,
            userId: ctx.ids.users.get(b.email)!,
            role: b.role,
          })),
        );
      },
      async update(ctx, items) {
        await accessBindings.write.delete(ctx, items.map(accessBindings.keyOf));
        await accessBindings.write.create(ctx, items);
      },
      async delete(ctx, keys) {
        const pairs = keys.map((key) => key.split("\u0000"));
        await ctx.client.query(
          `DELETE FROM "${AccessBindingTable.name}" b USING "User" u
          WHERE b."projectId" = $1 AND u.id = b."userId"
            AND (lower(u.email), COALESCE((SELECT slug FROM "Model" WHERE id = b."modelId"), '')) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
          [ctx.projectId, pairs.map((p) => p[0]), pairs.map((p) => p[1] ?? "")],
        );
      },
    },
    clears: [AccessBindingTable.name],
    faultSteps: ["users", "accessBindings"],
    count({ value, plan, skippedBindings }) {
      const counts: Record<string, { created: number; updated: number; skipped: number }> = {};
      if (value !== undefined)
        counts.accessBindings = { created: plan.bindings.length, updated: 0, skipped: skippedBindings };
      if (plan.usersToCreate.length > 0) counts.users = { created: plan.usersToCreate.length, updated: 0, skipped: 0 };
      return counts;
    },
  });

/** A model-scoped binding keeps its model: never widened to the whole project (SPEC §6). */
function modelIdOf(ids: Map<string, string>, slug: string): string {
  const id = ids.get(slug);
  // The planner checks every binding's model exists (checkModelJoins); this is its invariant.
  if (!id) throw new Error(`Access binding on model "${slug}", which this import does not write or keep.`);
  return id;
}

/** Which bindings an import writes, which it skips (and why), and which users the CLI creates. */
export function planBindings(
  bindings: readonly BundleAccessBinding[],
  options: ImportOptions,
  target: ImportTarget,
): { bindings: PlannedBinding[]; skipped: { email: string; reason: string }[]; usersToCreate: string[] } {
  const users = new Map(target.users.map((u) => [u.email, u]));
  const planned: PlannedBinding[] = [];
  const skipped: { email: string; reason: string }[] = [];
  const usersToCreate = new Set<string>();
  for (const binding of bindings) {
    const email = binding.user.toLowerCase();
    const user = users.get(email);
    if (!user && options.createUsers) usersToCreate.add(email);
    else if (!user?.member && !options.createUsers) {
      // One reason whether or not the e-mail has an account elsewhere: no enumeration across tenants.
      skipped.push({ email, reason: `${email} is not a member of tenant "${target.tenantSlug}"` });
      continue;
    }
    planned.push({ email, role: binding.role, model: binding.model });
  }
  return { bindings: planned, skipped, usersToCreate: [...usersToCreate].sort(compareKeys) };
}
