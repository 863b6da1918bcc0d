import { RawJson } from "@/lib/bundle/raw-json";
import type { ColumnType } from "./tables/define-table";

// COPY text format, pure: backslash, newline, carriage return and tab are escaped; NULL is \N.
const TEXT_SPECIAL = /[\\\n\r\t]/;
const TEXT_ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function copyField(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return "\\N";
  // A RawJson value is written as the (validated) text it arrived in; PostgreSQL parses it.
  const text = value instanceof RawJson ? value.text() : type === "jsonb" ? JSON.stringify(value) : String(value);
  return TEXT_SPECIAL.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => TEXT_ESCAPES[c]!) : text;
}

/** One COPY line (tab-separated fields, newline-terminated). */
export function copyLine(fields: readonly { value: unknown; type: ColumnType }[]): string {
  return `${fields.map((f) => copyField(f.value, f.type)).join("\t")}\n`;
}
