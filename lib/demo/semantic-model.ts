// Realistic semantic-model snapshots for demo data, tests and the benchmark generator.

export interface Dimension {
  name: string;
  type: "string" | "number" | "time" | "boolean";
  sql: string;
  description?: string;
}

export interface Measure {
  name: string;
  type: "sum" | "count" | "count_distinct" | "avg" | "min" | "max";
  sql: string;
  format?: string;
  description?: string;
}

export interface Join {
  model: string;
  relationship: "many_to_one" | "one_to_many" | "one_to_one";
  on: string;
}

export interface Snapshot {
  sourceTable: string;
  description: string;
  dimensions: Dimension[];
  measures: Measure[];
  joins: Join[];
  [key: string]: unknown;
}

export function snapshotFor(options: {
  slug: string;
  table: string;
  dimensions: string[];
  measures: [string, Measure["type"], string][];
  joins?: Join[];
  revision?: number;
  description?: string;
}): Snapshot {
  const revision = options.revision ?? 1;
  return {
    sourceTable: options.table,
    description: options.description ?? `${titleCase(options.slug)} — revision ${revision}.`,
    dimensions: options.dimensions.map((name) => ({
      name,
      type:
        name.endsWith("_at") || name.endsWith("_date")
          ? "time"
          : name.startsWith("is_")
            ? "boolean"
            : name.endsWith("_id") || name.endsWith("_count")
              ? "number"
              : "string",
      sql: `\${TABLE}.${name}`,
    })),
    measures: options.measures
      .slice(0, Math.max(1, options.measures.length - (3 - Math.min(revision, 3))))
      .map(([name, type, column]) => ({
        name,
        type,
        sql: `\${TABLE}.${column}`,
        ...(type === "sum" || type === "avg" ? { format: "0,0.00" } : {}),
      })),
    joins: options.joins ?? [],
  };
}

/**
 * A large snapshot of roughly `targetBytes` serialized size, shaped like a real model: many
 * dimensions and measures with descriptions (used by the scale benchmark).
 */
export function largeSnapshot(options: {
  slug: string;
  index: number;
  revision: number;
  targetBytes: number;
  joinTo?: string;
}): Snapshot {
  const dimensions: Dimension[] = [];
  const measures: Measure[] = [];
  let size = 300;
  let i = 0;
  while (size < options.targetBytes) {
    const column = `${COLUMN_WORDS[i % COLUMN_WORDS.length]}_${Math.floor(i / COLUMN_WORDS.length)}`;
    if (i % 3 === 2) {
      const type = MEASURE_TYPES[i % MEASURE_TYPES.length]!;
      const measure: Measure = {
        name: `${type}_${column}`,
        type,
        sql: `\${TABLE}.${column}`,
        description: `The ${type.replace("_", " ")} of ${column.replace(/_/g, " ")} across ${options.slug} rows (rev ${options.revision}).`,
      };
      measures.push(measure);
      size += JSON.stringify(measure).length + 40;
    } else {
      const dimension: Dimension = {
        name: column,
        type: i % 7 === 0 ? "time" : "string",
        sql: `\${TABLE}.${column}`,
        description: `Column ${column} of ${options.slug}, as loaded by the nightly pipeline.`,
      };
      dimensions.push(dimension);
      size += JSON.stringify(dimension).length + 40;
    }
    i += 1;
  }
  return {
    sourceTable: `warehouse.${options.slug.replace(/-/g, "_")}`,
    description: `Generated model ${options.index}, revision ${options.revision}.`,
    dimensions,
    measures,
    joins: options.joinTo
      ? [
          {
            model: options.joinTo,
            relationship: "many_to_one",
            on: `\${TABLE}.${options.joinTo.replace(/-/g, "_")}_id = \${${options.joinTo}}.id`,
          },
        ]
      : [],
  };
}

const COLUMN_WORDS = [
  "region",
  "channel",
  "segment",
  "sku",
  "store",
  "currency",
  "campaign",
  "device",
  "country",
  "plan",
  "status",
  "cohort",
  "amount",
  "quantity",
  "discount",
  "margin",
];
const MEASURE_TYPES: Measure["type"][] = ["sum", "count", "count_distinct", "avg", "min", "max"];

function titleCase(slug: string): string {
  return slug.replace(/(^|-)(\w)/g, (_, sep: string, c: string) => (sep ? " " : "") + c.toUpperCase());
}
