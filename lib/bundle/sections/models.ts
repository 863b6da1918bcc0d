import { z } from "zod";
import { AggregateTable, ModelTable, ModelVersionTable, PocketTableTable, type RowOf } from "@/lib/database/tables";
import { slugSchema, nameSchema } from "@/lib/validations/slug";
import { snapshotSchema } from "@/lib/validations/snapshot";
import { PG_INT4_MAX } from "@/lib/validations/storable";
import { copyBinaryRows, jsonbField, uuidLiteral } from "@/lib/database/copy-binary";
import { freeObject, isoDateTime } from "../credentials";
import { byKey, compareKeys, sortKeysDeep } from "../json-order";
import { RawJson } from "../raw-json";
import type { SectionReadContext } from "./contexts";
import { defineSection, duplicateProblems, type BundleSection } from "./section";

// Models, always in a bundle: draft, full version history, the version live in the source,
// aggregate and pocket definitions. Import never deploys (the result's checklist says what to
// do next): aggregates arrive PENDING, pockets STALE.

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

export type Snapshot = z.infer<typeof snapshotSchema>;
/** A version's snapshot: an object, or (uploads) the validated bytes it arrived in. */
export type BundleVersion = Omit<z.infer<typeof versionSchema>, "snapshot"> & { snapshot: Snapshot | RawJson };
export type BundleModel = Omit<z.infer<typeof modelSchema>, "versions"> & { versions: BundleVersion[] };

/**
 * A model in canonical order. `fromJsonb`: its free-form values were just read from jsonb columns,
 * whose key order is already canonical (see compareJsonKeys) — skip re-sorting them.
 */
export function canonicalModel(model: BundleModel, options: { fromJsonb?: boolean } = {}): BundleModel {
  const sortKeys = options.fromJsonb ? <T>(value: T) => value : <T>(value: T) => sortKeysDeep(value) as T;
  return {
    slug: model.slug,
    name: model.name,
    connection: model.connection,
    deployedVersion: model.deployedVersion,
    draft: sortKeys(model.draft),
    versions: [...model.versions]
      .sort((a, b) => a.number - b.number)
      .map((v) => ({
        number: v.number,
        message: v.message,
        author: v.author,
        createdAt: v.createdAt,
        snapshot: v.snapshot instanceof RawJson ? (sortKeysDeep(v.snapshot.value()) as Snapshot) : sortKeys(v.snapshot),
      })),
    aggregates: [...model.aggregates]
      .sort(byKey((a) => a.name))
      .map((a) => ({ name: a.name, definition: sortKeys(a.definition) })),
    pockets: [...model.pockets]
      .sort(byKey((p) => p.name))
      .map((p) => ({ name: p.name, definition: sortKeys(p.definition) })),
  };
}

const modelsSchema = z.array(modelSchema).max(100_000) as unknown as z.ZodType<BundleModel[]>;

// Annotated, not inferred: the bundle type is derived from the registry, and the writes refer back to it.
export const models: BundleSection<"models", typeof modelsSchema, BundleModel> = defineSection({
  key: "models",
  label: "Models",
  hint: "Drafts, full version history, aggregates and pockets",
  optional: false,
  exportDefault: true,
  schema: modelsSchema,
  items: (value) => value ?? [],
  keyOf: (m: BundleModel) => m.slug,
  keyName: "model slug",
  checkItem: (m, path) => [
    ...duplicateProblems(
      m.versions.map((v) => String(v.number)),
      `${path}.versions`,
      "version number",
    ),
    ...duplicateProblems(
      m.aggregates.map((a) => a.name),
      `${path}.aggregates`,
      "aggregate name",
    ),
    ...duplicateProblems(
      m.pockets.map((p) => p.name),
      `${path}.pockets`,
      "pocket name",
    ),
  ],
  canonical: (value) => [...value].sort(byKey((m) => m.slug)).map((m) => canonicalModel(m)),
  comparable: (m) => canonicalModel(m),
  writeAfter: ["connections"],
  write: {
    async create(ctx, items) {
      ctx.progress("models", 0, items.length);
      const rows = items.map((m) => {
        const id = crypto.randomUUID();
        ctx.ids.models.set(m.slug, id);
        return {
          id,
          projectId: ctx.projectId,
          slug: m.slug,
          name: m.name,
          connectionId: m.connection ? ctx.ids.connections.get(m.connection)! : null,
          draft: m.draft,
          createdAt: new Date().toISOString(),
        };
      });
      await ctx.bulkInsert(
        ctx.client,
        ModelTable,
        ["id", "projectId", "slug", "name", "connectionId", "draft", "createdAt"],
        rows,
      );
      ctx.fault("models");
      await writeHistory(ctx, items);
    },
    // In place: the model keeps its id (and its model-scoped access bindings); its aggregates and
    // pockets are replaced, and it is no longer deployed. Its history is replaced too — except in a
    // merge, where the item carries only the versions to append to the target's history.
    async update(ctx, items) {
      ctx.progress("models", 0, items.length);
      const tables =
        ctx.plan.mode === "merge"
          ? [AggregateTable, PocketTableTable]
          : [ModelVersionTable, AggregateTable, PocketTableTable];
      for (const model of items) {
        const { rows } = await ctx.client.query(
          `SELECT id FROM "${ModelTable.name}" WHERE "projectId" = $1 AND slug = $2`,
          [ctx.projectId, model.slug],
        );
        const id = (rows[0] as { id: string }).id;
        for (const table of tables) {
          await ctx.client.query(`DELETE FROM "${table.name}" WHERE "modelId" = $1`, [id]);
        }
        await ctx.client.query(
          `UPDATE "${ModelTable.name}" SET name = $2, "connectionId" = $3, draft = $4, "deployedVersion" = NULL, "deployedAt" = NULL WHERE id = $1`,
          [
            id,
            model.name,
            model.connection ? ctx.ids.connections.get(model.connection)! : null,
            JSON.stringify(model.draft),
          ],
        );
        ctx.ids.models.set(model.slug, id);
      }
      ctx.fault("models");
      await writeHistory(ctx, items);
    },
    async delete(ctx, slugs) {
      await ctx.client.query(`DELETE FROM "${ModelTable.name}" WHERE "projectId" = $1 AND slug = ANY($2::text[])`, [
        ctx.projectId,
        slugs,
      ]);
    },
  },
  clears: [ModelTable.name],
  faultSteps: ["models", "versions", "materializations"],
  count({ value, plan }) {
    const list = (value ?? []) as BundleModel[];
    const sum = (f: (m: BundleModel) => number) => list.reduce((n, m) => n + f(m), 0);
    const created = (n: number) => ({ created: n, updated: 0, skipped: 0 });
    const updated = plan.modelsToUpdate.length;
    return {
      models: { created: list.length - updated, updated, skipped: plan.keptModels.length },
      versions: created(sum((m) => m.versions.length)),
      aggregates: created(sum((m) => m.aggregates.length)),
      pockets: created(sum((m) => m.pockets.length)),
    };
  },
});

type WriteContext = Parameters<typeof models.write.create>[0];

/** Versions by COPY (the bulk of a bundle), then aggregates (PENDING) and pockets (STALE). */
async function writeHistory(ctx: WriteContext, items: BundleModel[]): Promise<void> {
  const total = items.reduce((n, m) => n + m.versions.length, 0);
  let written = 0;
  function* versionRows(): Generator<Omit<RowOf<typeof ModelVersionTable.columns>, never>> {
    for (const model of items) {
      const modelId = ctx.ids.models.get(model.slug)!;
      for (const v of model.versions) {
        yield {
          id: crypto.randomUUID(),
          modelId,
          number: v.number,
          snapshot: v.snapshot,
          message: v.message,
          authorEmail: v.author,
          createdAt: v.createdAt,
        };
      }
      written += model.versions.length;
      ctx.progress("versions", written, total);
    }
  }
  await ctx.copyRows(
    ctx.client,
    ModelVersionTable,
    ["id", "modelId", "number", "snapshot", "message", "authorEmail", "createdAt"],
    versionRows(),
  );
  ctx.fault("versions");
  const materialization = (kind: "aggregates" | "pockets", status: string) =>
    items.flatMap((m) =>
      m[kind].map((a) => ({
        id: crypto.randomUUID(),
        modelId: ctx.ids.models.get(m.slug)!,
        name: a.name,
        definition: a.definition,
        status,
      })),
    );
  await ctx.bulkInsert(
    ctx.client,
    AggregateTable,
    ["id", "modelId", "name", "definition", "status"],
    materialization("aggregates", "PENDING"),
  );
  await ctx.bulkInsert(
    ctx.client,
    PocketTableTable,
    ["id", "modelId", "name", "definition", "status"],
    materialization("pockets", "STALE"),
  );
  ctx.fault("materializations");
}

// Export: the models of a project (or the chosen ones of a model export), then their history in
// batches — a fixed number of queries plus two per batch (the versions' fields, and their
// snapshots by binary COPY), never one per model or version, the next batches fetched while the
// current one is serialised.

const MODELS_PER_BATCH = 10;

export interface ExportedModelRow {
  id: string;
  slug: string;
  name: string;
  deployedVersion: number | null;
  draft: Snapshot;
  connectionId: string | null;
  connection: string | null;
}

type ModelReadContext = Pick<SectionReadContext, "rows" | "projectId">;

export async function listExportedModels(
  ctx: ModelReadContext,
  modelIds: string[] | null,
): Promise<ExportedModelRow[]> {
  const rows = await ctx.rows<ExportedModelRow>(
    `SELECT m.id, m.slug, m.name, m."deployedVersion", m.draft, m."connectionId", c.name AS connection
       FROM "${ModelTable.name}" m LEFT JOIN "Connection" c ON c.id = m."connectionId"
      WHERE m."projectId" = $1 AND ($2::uuid[] IS NULL OR m.id = ANY($2::uuid[]))`,
    [ctx.projectId, modelIds],
  );
  return rows.sort((a, b) => compareKeys(a.slug, b.slug)); // code-unit order, whatever the database collation
}

/** A model as export reads it: its versions' snapshots as PostgreSQL's jsonb text, in version order. */
export interface ModelWithSnapshotTexts {
  /** The model in canonical order; its versions carry no snapshot (see `snapshotTexts`). */
  model: BundleModel;
  /** Each version's snapshot as jsonb text (UTF-8), or null when read without snapshots. */
  snapshotTexts: Buffer[] | null;
}

/**
 * How snapshots are read: `copyOut` runs a binary `COPY … TO STDOUT` in the reader's transaction
 * (export: the text goes to the bundle without being parsed), null leaves them out (an import's
 * plan compares those in the database).
 */
export type SnapshotReader = { copyOut(sql: string): Promise<Buffer> } | null;

const readInt32 = (bytes: Uint8Array | null | undefined) =>
  bytes && bytes.length === 4 ? new DataView(bytes.buffer, bytes.byteOffset, 4).getInt32(0) : null;

/** Whether a COPY row (model id as 16 bytes, number, snapshot) is the given version. */
const sameVersion = (row: (Buffer | null)[], modelHex: string, number: number) =>
  readInt32(row[1]) === number && row[0]?.toString("hex") === modelHex;

/**
 * The versions' numbers and snapshots of a batch of models, ordered as the metadata query orders
 * them. Binary COPY sends a jsonb as a version byte (1) and its text — cheaper for the server than
 * `snapshot::text`, and with no COPY escapes to undo.
 */
function snapshotCopySql(modelIds: string[]): string {
  const ids = modelIds.map(uuidLiteral).join(", ");
  return `COPY (SELECT "modelId", number, snapshot FROM "${ModelVersionTable.name}" WHERE "modelId" IN (${ids}) ORDER BY "modelId", number) TO STDOUT (FORMAT binary)`;
}

/** The models' canonical entries, one at a time, in slug order. */
export async function* readModels(
  ctx: ModelReadContext,
  list: ExportedModelRow[],
  modelIds: string[] | null,
  snapshots: SnapshotReader,
): AsyncGenerator<ModelWithSnapshotTexts> {
  type Materialization = { modelId: string; name: string; definition: Record<string, unknown> };
  const materializations = async (table: string) => {
    const rows = await ctx.rows<Materialization>(
      `SELECT a."modelId", a.name, a.definition FROM "${table}" a JOIN "${ModelTable.name}" m ON m.id = a."modelId"
        WHERE m."projectId" = $1 AND ($2::uuid[] IS NULL OR m.id = ANY($2::uuid[]))`,
      [ctx.projectId, modelIds],
    );
    const byModel = new Map<string, { name: string; definition: Record<string, unknown> }[]>();
    for (const { modelId, name, definition } of rows)
      byModel.set(modelId, [...(byModel.get(modelId) ?? []), { name, definition }]);
    return byModel;
  };
  const aggregates = await materializations(AggregateTable.name);
  const pockets = await materializations(PocketTableTable.name);

  type VersionRow = { modelId: string; number: number; message: string; authorEmail: string; createdAt: string };
  const fetchVersions = (batch: ExportedModelRow[]) => {
    const ids = batch.map((m) => m.id);
    const copySql = snapshots ? snapshotCopySql(ids) : null;
    const fetched = Promise.all([
      ctx.rows<VersionRow>(
        `SELECT "modelId", number, message, "authorEmail", "createdAt" FROM "${ModelVersionTable.name}" WHERE "modelId" = ANY($1::uuid[]) ORDER BY "modelId", number`,
        [ids],
      ),
      copySql ? snapshots!.copyOut(copySql) : null,
    ]);
    // Awaited in turn below; if the export stops first, a batch still on its way must not fail unhandled.
    fetched.catch(() => undefined);
    return fetched;
  };
  const batches: ExportedModelRow[][] = [];
  for (let start = 0; start < list.length; start += MODELS_PER_BATCH)
    batches.push(list.slice(start, start + MODELS_PER_BATCH));
  // Pipelined: the database reads the next batches while this one is serialised (two ahead, so
  // that it never waits for the serialiser, nor the serialiser for it, on a batch's uneven pace).
  const ahead = batches.slice(0, 2).map(fetchVersions);
  for (const [b, batch] of batches.entries()) {
    const [versions, copied] = await ahead.shift()!;
    if (b + 2 < batches.length) ahead.push(fetchVersions(batches[b + 2]!));
    const texts = copied ? copyBinaryRows(copied) : null;
    const byModel = new Map<string, { rows: VersionRow[]; texts: Buffer[] }>();
    let t = 0;
    for (const version of versions) {
      let history = byModel.get(version.modelId);
      if (!history) byModel.set(version.modelId, (history = { rows: [], texts: [] }));
      history.rows.push(version);
      if (!texts) continue;
      // Both statements order by model and number. Under READ COMMITTED (an import's snapshot of
      // its target) a version saved between them is in the second only: it is passed over.
      const modelHex = version.modelId.replaceAll("-", "");
      while (t < texts.length && !sameVersion(texts[t]!, modelHex, version.number)) t++;
      const snapshot = texts[t++]?.[2];
      if (!snapshot) throw new Error("The project's versions changed while they were read; try again.");
      history.texts.push(jsonbField(snapshot));
    }
    for (const model of batch) {
      const history = byModel.get(model.id);
      const entry: BundleModel = {
        slug: model.slug,
        name: model.name,
        connection: model.connection,
        deployedVersion: model.deployedVersion,
        draft: model.draft,
        // Read in version order, which the canonical form keeps (the sort below is stable).
        versions: (history?.rows ?? []).map((v) => ({
          number: v.number,
          message: v.message,
          author: v.authorEmail,
          createdAt: v.createdAt,
          snapshot: undefined as unknown as Snapshot,
        })),
        aggregates: aggregates.get(model.id) ?? [],
        pockets: pockets.get(model.id) ?? [],
      };
      yield {
        model: canonicalModel(entry, { fromJsonb: true }),
        snapshotTexts: snapshots ? (history?.texts ?? []) : null,
      };
    }
  }
}
