import { z } from "zod";
import { ProjectSettingTable } from "@/lib/database/tables";
import { byKey, sortKeysDeep } from "../json-order";
import { RawJson } from "../raw-json";
import { defineSection, type BundleSection } from "./section";

// Project settings, keyed by key; values are free JSON.

const JSON_NULL = new RawJson(new TextEncoder().encode("null"), []);

export const settingSchema = z.strictObject({ key: z.string().min(1).max(200), value: z.unknown() });
export type BundleSetting = z.infer<typeof settingSchema>;

const settingsSchema = z.array(settingSchema).max(1_000_000);

// Annotated, not inferred: the bundle type is derived from the registry, and the writes refer back to it.
export const settings: BundleSection<"settings", typeof settingsSchema, BundleSetting> = defineSection({
  key: "settings",
  label: "Settings",
  hint: "Project key/value settings",
  optional: true,
  exportDefault: true,
  schema: settingsSchema,
  items: (value) => value ?? [],
  keyOf: (s: BundleSetting) => s.key,
  keyName: "setting key",
  canonical: (value) => [...value].sort(byKey((s) => s.key)).map((s) => ({ key: s.key, value: sortKeysDeep(s.value) })),
  read: (ctx) =>
    ctx.rows(`SELECT key, value FROM "${ProjectSettingTable.name}" WHERE "projectId" = $1`, [ctx.projectId]),
  write: {
    async create(ctx, items) {
      // COPY: a project may carry up to 1,000,000 settings.
      // Rows are made as COPY reads them: a million row objects never exist at once.
      const projectId = ctx.projectId;
      function* rows() {
        for (const s of items)
          yield {
            id: crypto.randomUUID(),
            projectId,
            key: s.key,
            // JSON null is a legitimate value: written as jsonb `null`, not as SQL NULL (\N).
            value: s.value === null || s.value === undefined ? JSON_NULL : s.value,
          };
      }
      await ctx.copyRows(ctx.client, ProjectSettingTable, ["id", "projectId", "key", "value"], rows());
    },
    async update(ctx, items) {
      await settings.write.delete(
        ctx,
        items.map((s) => s.key),
      );
      await settings.write.create(ctx, items);
    },
    async delete(ctx, keys) {
      await ctx.client.query(
        `DELETE FROM "${ProjectSettingTable.name}" WHERE "projectId" = $1 AND key = ANY($2::text[])`,
        [ctx.projectId, keys],
      );
    },
  },
  clears: [ProjectSettingTable.name],
  faultSteps: ["settings"],
  count: ({ value }) =>
    value === undefined ? {} : { settings: { created: (value as unknown[]).length, updated: 0, skipped: 0 } },
});
