import "server-only";
import type { Tx } from "@/lib/db";

// Batched inserts for imports: each batch is one statement that expands a JSON array with
// jsonb_to_recordset — one round trip per ~8 MB instead of one per row, inside the caller's
// Prisma transaction (so a failure anywhere still rolls everything back).

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

export async function bulkInsert(tx: Tx, table: string, columns: Column[], rows: Record<string, unknown>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${columns.map(selectExpression).join(", ")} FROM jsonb_to_recordset($1::jsonb) AS x(${columns.map((c) => `"${c.name}" ${recordType(c.type)}`).join(", ")})`;
  let batch: string[] = [];
  let size = 0;
  let inserted = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    inserted += await tx.$executeRawUnsafe(sql, `[${batch.join(",")}]`);
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
