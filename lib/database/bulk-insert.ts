import "server-only";
import { from as copyFrom } from "pg-copy-streams";
import { CopyLines } from "./copy-text";
import type { PgClient } from "./pg-transaction";
import { columnList, type RowOf, type Table } from "./tables";
import type { ColumnSpec, ColumnType } from "./tables/define-table";

// Batched writes on the bulk paths, on the caller's transaction connection (so a failure anywhere
// still rolls everything back), typed against lib/database/tables:
// - bulkInsert: one INSERT … SELECT FROM jsonb_to_recordset($1) per ~8 MB batch of rows;
// - copyRows: COPY … FROM STDIN for the bulk of the data (model versions), the same path
//   PostgreSQL's own loaders take (text format).

const BATCH_BYTES = 8 * 1024 * 1024;

function recordType(type: ColumnType): string {
  if (typeof type === "object") return "text";
  return type === "uuid" || type === "timestamp" ? "text" : type;
}

function selectExpression(name: string, type: ColumnType): string {
  const ref = `x."${name}"`;
  if (typeof type === "object") return `${ref}::"${type.enum}"`;
  if (type === "uuid") return `${ref}::uuid`;
  // Prisma stores DateTime as UTC in timestamp(3) without time zone; the offset in ISO input is ignored.
  if (type === "timestamp") return `${ref}::timestamp(3)`;
  return ref;
}

export async function bulkInsert<C extends Record<string, ColumnSpec>, K extends keyof C & string>(
  client: PgClient,
  table: Table<C>,
  columns: readonly K[],
  rows: Iterable<Pick<RowOf<C>, K>>,
): Promise<number> {
  const types = columns.map((name) => table.columns[name]!.type);
  const sql = `INSERT INTO "${table.name}" (${columnList(table, columns)}) SELECT ${columns.map((name, i) => selectExpression(name, types[i]!)).join(", ")} FROM jsonb_to_recordset($1::jsonb) AS x(${columns.map((name, i) => `"${name}" ${recordType(types[i]!)}`).join(", ")})`;
  let batch: string[] = [];
  let size = 0;
  let inserted = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    inserted += (await client.query(sql, [`[${batch.join(",")}]`])).rowCount ?? 0;
    batch = [];
    size = 0;
  };
  for (const row of rows) {
    const json = JSON.stringify(row);
    if (size + json.length > BATCH_BYTES) await flush();
    batch.push(json);
    size += json.length + 1;
  }
  await flush();
  return inserted;
}

/** Streams rows into `table` with COPY, writing ~1 MB at a time and honouring backpressure. */
export async function copyRows<C extends Record<string, ColumnSpec>, K extends keyof C & string>(
  client: PgClient,
  table: Table<C>,
  columns: readonly K[],
  rows: Iterable<Pick<RowOf<C>, K>>,
): Promise<number> {
  const stream = client.query(copyFrom(`COPY "${table.name}" (${columnList(table, columns)}) FROM STDIN`));
  let failure: Error | undefined;
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", (error: Error) => {
      failure = error;
      reject(error);
    });
  });
  done.catch(() => {});
  const drained = () => new Promise<void>((resolve) => stream.once("drain", resolve));
  const types = columns.map((name) => table.columns[name]!.type);
  const lines = new CopyLines();
  const values: unknown[] = [];
  let count = 0;
  try {
    for (const row of rows) {
      if (failure) break;
      for (let k = 0; k < columns.length; k++) values[k] = row[columns[k]!];
      lines.line(values, types);
      count++;
      if (lines.byteLength > 1024 * 1024) {
        const ok = stream.write(lines.take());
        if (!ok && !failure) await Promise.race([drained(), done]);
      }
    }
    if (lines.byteLength > 0 && !failure) stream.write(lines.take());
    stream.end();
  } catch (error) {
    // A row that cannot be encoded (or a fault) aborts the COPY; the transaction rolls back.
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
  }
  await done;
  return count;
}
