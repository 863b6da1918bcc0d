import "server-only";
import { from as copyFrom } from "pg-copy-streams";
import { RawJson } from "@/lib/bundle/raw-json";
import type { PgClient } from "./pg-transaction";

// Batched writes for imports, on the import transaction's connection (so a failure anywhere still
// rolls everything back):
// - bulkInsert: one INSERT … SELECT FROM jsonb_to_recordset($1) per ~8 MB batch of rows;
// - copyRows: COPY … FROM STDIN for the bulk of the data (model versions), the same path
//   PostgreSQL's own loaders take (text format).

export type ColumnType = "uuid" | "text" | "int" | "bool" | "jsonb" | "timestamp" | { enum: string };

export interface Column {
  name: string;
  type: ColumnType;
}

const BATCH_BYTES = 8 * 1024 * 1024;

function recordType(type: ColumnType): string {
  if (typeof type === "object") return "text";
  return type === "uuid" || type === "timestamp" ? "text" : type;
}

function selectExpression(column: Column): string {
  const ref = `x."${column.name}"`;
  if (typeof column.type === "object") return `${ref}::"${column.type.enum}"`;
  if (column.type === "uuid") return `${ref}::uuid`;
  // Prisma stores DateTime as UTC in timestamp(3) without time zone; the offset in ISO input is ignored.
  if (column.type === "timestamp") return `${ref}::timestamp(3)`;
  return ref;
}

export async function bulkInsert(
  client: PgClient,
  table: string,
  columns: Column[],
  rows: Record<string, unknown>[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${columns.map(selectExpression).join(", ")} FROM jsonb_to_recordset($1::jsonb) AS x(${columns.map((c) => `"${c.name}" ${recordType(c.type)}`).join(", ")})`;
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

// COPY text format: backslash, newline, carriage return and tab are escaped; NULL is \N.
const TEXT_SPECIAL = /[\\\n\r\t]/;
const TEXT_ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function copyField(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return "\\N";
  // A RawJson value is written as the (validated) text it arrived in; PostgreSQL parses it.
  const text = value instanceof RawJson ? value.text() : type === "jsonb" ? JSON.stringify(value) : String(value);
  return TEXT_SPECIAL.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => TEXT_ESCAPES[c]!) : text;
}

/** Streams rows into `table` with COPY, writing ~1 MB at a time and honouring backpressure. */
export async function copyRows(
  client: PgClient,
  table: string,
  columns: Column[],
  rows: Iterable<Record<string, unknown>>,
): Promise<number> {
  const stream = client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c.name}"`).join(", ")}) FROM STDIN`));
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
  let chunk = "";
  let count = 0;
  try {
    for (const row of rows) {
      if (failure) break;
      chunk += `${columns.map((c) => copyField(row[c.name], c.type)).join("\t")}\n`;
      count++;
      if (chunk.length > 1024 * 1024) {
        const ok = stream.write(chunk);
        chunk = "";
        if (!ok && !failure) await Promise.race([drained(), done]);
      }
    }
    if (chunk && !failure) stream.write(chunk);
    stream.end();
  } catch (error) {
    // A row that cannot be encoded (or a fault) aborts the COPY; the transaction rolls back.
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
  }
  await done;
  return count;
}
