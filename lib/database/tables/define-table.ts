// A table on the bulk paths, typed against the schema: its name, every column with its
// PostgreSQL type, and the row type derived from them. Export, import and the large-project
// generator all write and read through these definitions; `tables.test.ts` compares each one
// with the live database, so a migration that changes a column breaks a test, not an import.

export type ColumnType =
  "uuid" | "text" | "int" | "bigint" | "bool" | "jsonb" | "bytea" | "timestamp" | { enum: string };

export interface ColumnSpec {
  type: ColumnType;
  nullable?: true;
}

type ValueOf<T extends ColumnType> = T extends "int" | "bigint"
  ? number
  : T extends "bytea"
    ? Buffer
    : T extends "bool"
      ? boolean
      : T extends "jsonb"
        ? unknown
        : string;

export type RowOf<C extends Record<string, ColumnSpec>> = {
  [K in keyof C]: C[K]["nullable"] extends true ? ValueOf<C[K]["type"]> | null : ValueOf<C[K]["type"]>;
};

export interface Table<C extends Record<string, ColumnSpec> = Record<string, ColumnSpec>> {
  name: string;
  columns: C;
}

export function defineTable<const C extends Record<string, ColumnSpec>>(name: string, columns: C): Table<C> {
  return { name, columns };
}

/** A column list for SQL: `"a", "b"` (optionally qualified with an alias). */
export function columnList<C extends Record<string, ColumnSpec>>(
  table: Table<C>,
  names: readonly (keyof C & string)[],
  alias?: string,
): string {
  return names.map((name) => (alias ? `${alias}."${name}"` : `"${name}"`)).join(", ");
}

const uuid = { type: "uuid" } as const;
const text = { type: "text" } as const;
const int = { type: "int" } as const;
const bool = { type: "bool" } as const;
const jsonb = { type: "jsonb" } as const;
const bigint = { type: "bigint" } as const;
const bytea = { type: "bytea" } as const;
const timestamp = { type: "timestamp" } as const;
const nullable = <T extends ColumnSpec>(spec: T) => ({ ...spec, nullable: true as const });
const enumOf = <E extends string>(name: E) => ({ type: { enum: name } }) as const;

export const col = { uuid, text, int, bigint, bool, jsonb, bytea, timestamp, nullable, enumOf };
