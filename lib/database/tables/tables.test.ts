import pg from "pg";
import { describe, expect, it } from "vitest";
import type { ColumnType } from "./define-table";
import { GENERIC_SECTIONS } from "@/lib/bundle/sections";
import { BULK_TABLES } from "./index";

// Every typed table definition against the live database's columns (names, types, nullability).
function udt(type: ColumnType): string {
  if (typeof type === "object") return type.enum;
  return {
    uuid: "uuid",
    text: "text",
    int: "int4",
    bigint: "int8",
    bool: "bool",
    jsonb: "jsonb",
    bytea: "bytea",
    timestamp: "timestamp",
  }[type];
}

describe("bulk-path table definitions", () => {
  it("match the database column for column", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const sectionTables = GENERIC_SECTIONS.flatMap((section) => section.tables ?? []);
      for (const table of new Set([...BULK_TABLES, ...sectionTables])) {
        const { rows } = await client.query<{ column_name: string; udt_name: string; is_nullable: string }>(
          `SELECT column_name, udt_name, is_nullable FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
          [table.name],
        );
        const live = rows.map((r) => `${r.column_name}:${r.udt_name}${r.is_nullable === "YES" ? "?" : ""}`);
        const declared = Object.entries(table.columns).map(
          ([name, spec]) => `${name}:${udt(spec.type)}${spec.nullable ? "?" : ""}`,
        );
        expect(declared, table.name).toEqual(live);
      }
    } finally {
      await client.end();
    }
  });
});
