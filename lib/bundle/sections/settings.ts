import { z } from "zod";
import { copyBinaryFields, jsonbField, uuidLiteral } from "@/lib/database/copy-binary";
import { ProjectSettingTable } from "@/lib/database/tables";
import { ByteSink, writeJsonbValue } from "../jsonb-text";
import { byKey, compareKeys, sortKeysDeep } from "../json-order";
import { RawJson } from "../raw-json";
import { defineSection, type BundleSection } from "./section";

// Project settings, keyed by key; values are free JSON.

const CHUNK_BYTES = 1024 * 1024;

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
  // Up to a million settings: read by binary COPY and written from their jsonb text, in chunks,
  // instead of a million parsed, sorted and stringified objects (see lib/bundle/jsonb-text.ts).
  async exportText(ctx, write) {
    const data = await ctx.copyOut(
      `COPY (SELECT key, value FROM "${ProjectSettingTable.name}" WHERE "projectId" = ${uuidLiteral(ctx.projectId)} ORDER BY key COLLATE "C") TO STDOUT (FORMAT binary)`,
    );
    // Offsets, not a view per field: a million settings make no million objects.
    const { rows, start, length } = copyBinaryFields(data);
    if (rows === 0) return write(new TextEncoder().encode("[]"));
    const keys = Array.from({ length: rows }, (_, r) =>
      data.toString("utf8", start[2 * r]!, start[2 * r]! + length[2 * r]!),
    );
    // Byte order ("C") is code-point order, which code-unit order departs from only past U+FFFF.
    const order = Array.from({ length: rows }, (_, r) => r);
    if (keys.some((key, r) => r > 0 && compareKeys(keys[r - 1]!, key) > 0))
      order.sort((a, b) => compareKeys(keys[a]!, keys[b]!));
    let sink = new ByteSink(CHUNK_BYTES + 64 * 1024);
    sink.writeString("[");
    for (const [n, r] of order.entries()) {
      sink.writeString(`${n === 0 ? "" : ","}\n    {\n      "key": ${JSON.stringify(keys[r])},\n      "value": `);
      const at = start[2 * r + 1]!;
      const bytes = length[2 * r + 1]!;
      if (bytes < 0) sink.writeString("null");
      else {
        const text = jsonbField(data.subarray(at, at + bytes));
        // A "__proto__" key goes the generic way, where `canonical` (sortKeysDeep) drops it, as `read` does.
        writeJsonbValue(text, 6, sink, { canonical: sortKeysDeep, generic: text.includes('"__proto__"') });
      }
      sink.writeString("\n    }");
      if (sink.pos >= CHUNK_BYTES) {
        await write(sink.view());
        sink = new ByteSink(CHUNK_BYTES + 64 * 1024);
      }
    }
    sink.writeString("\n  ]");
    await write(sink.view());
  },
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
