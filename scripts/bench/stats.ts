// The benchmark's pure parts: argument parsing, pair-by-pair ratios, median and range, and the
// scale curve's spread. No database, no processes: unit-tested in stats.unit.test.ts.
import { parseArgs } from "node:util";
import type { LargeProjectShape } from "@/lib/demo/generate-large-project";

export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** Median (mean of the two middle values for an even count) with the extremes. */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error("No values to summarise.");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** Product time over floor time, pair by pair (run i of the product against run i of the floor). */
export function pairRatios(pairs: readonly { product: number; floor: number }[]): number[] {
  return pairs.map(({ product, floor }) => {
    if (!(floor > 0)) throw new Error(`A floor time of ${floor} s cannot be a divisor.`);
    return product / floor;
  });
}

export function formatSpread(s: Spread, digits = 2, unit = ""): string {
  return `${s.median.toFixed(digits)}${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)}${unit})`;
}

export interface CurvePoint {
  models: number;
  bundleMb: number;
  exportSeconds: number;
  importSeconds: number;
}

/** Seconds per MB at the largest size over that at the smallest (1 = linear), for export and import. */
export function curveRatios(points: readonly CurvePoint[]): { export: number; import: number } {
  if (points.length < 2) throw new Error("The scale curve needs at least two sizes.");
  const sorted = [...points].sort((a, b) => a.models - b.models);
  const small = sorted[0]!;
  const large = sorted[sorted.length - 1]!;
  const perMb = (seconds: number, p: CurvePoint) => seconds / p.bundleMb;
  return {
    export: perMb(large.exportSeconds, large) / perMb(small.exportSeconds, small),
    import: perMb(large.importSeconds, large) / perMb(small.importSeconds, small),
  };
}

/** MB of bundle per model at the default shape (25 versions × ~20 KB), measured: 137.7 MB / 200. */
export const MB_PER_MODEL = 137.7 / 200;

export interface BenchArgs {
  shape: LargeProjectShape;
  pairs: number;
  port: number;
  sizes: number[];
  sizeMb: number | null;
  browser: boolean;
  /** Only the wizard in Chromium: one export makes the bundle, no pairs, curve or report. */
  browserOnly: boolean;
  browserRuns: number;
  small: boolean;
  cli: boolean;
}

function positiveInt(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} wants a positive integer, not "${raw}".`);
  return value;
}

/** The generated project's shape (SPEC §7 by default) and the pairs, as both benchmarks take them. */
export const PROJECT_SHAPE_OPTIONS = {
  models: { type: "string", default: "200" },
  versions: { type: "string", default: "25" },
  "snapshot-kb": { type: "string", default: "20" },
  connections: { type: "string", default: "100" },
  settings: { type: "string", default: "2000" },
  bindings: { type: "string", default: "1000" },
  pairs: { type: "string", default: "5" },
} as const;

/** The project shape from PROJECT_SHAPE_OPTIONS' parsed values (bench:import-phases, bench:plan). */
export function projectShape(values: {
  models?: string;
  versions?: string;
  "snapshot-kb"?: string;
  connections?: string;
  settings?: string;
  bindings?: string;
}) {
  return {
    models: Number(values.models),
    versions: Number(values.versions),
    snapshotKb: Number(values["snapshot-kb"]),
    connections: Number(values.connections),
    settings: Number(values.settings),
    accessBindings: Number(values.bindings),
  };
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      ...PROJECT_SHAPE_OPTIONS,
      port: { type: "string", default: "3900" },
      sizes: { type: "string" },
      "size-mb": { type: "string" },
      gb: { type: "boolean", default: false },
      "no-browser": { type: "boolean", default: false },
      "no-small": { type: "boolean", default: false },
      "no-cli": { type: "boolean", default: false },
      "browser-only": { type: "boolean", default: false },
      "browser-runs": { type: "string" },
    },
  });
  const browserOnly = values["browser-only"];
  if (browserOnly && values["no-browser"]) throw new Error("Give --browser-only or --no-browser, not both.");
  if (browserOnly && values.sizes) throw new Error("--browser-only measures no scale curve: drop --sizes.");
  const sizes = values.sizes ? values.sizes.split(",").map((s) => positiveInt("sizes", s.trim())) : [];
  if (sizes.length === 1) throw new Error("--sizes wants at least two sizes, e.g. 25,50,100,200,400.");
  if (values.gb && values["size-mb"]) throw new Error("Give --gb or --size-mb, not both.");
  const sizeMb = values.gb ? 1024 : values["size-mb"] ? positiveInt("size-mb", values["size-mb"]) : null;
  const models = sizeMb ? Math.max(1, Math.round(sizeMb / MB_PER_MODEL)) : positiveInt("models", values.models);
  const port = positiveInt("port", values.port);
  if (port > 65535) throw new Error(`--port ${port} is not a TCP port.`);
  return {
    shape: {
      models,
      versions: positiveInt("versions", values.versions),
      snapshotKb: positiveInt("snapshot-kb", values["snapshot-kb"]),
      connections: positiveInt("connections", values.connections),
      settings: positiveInt("settings", values.settings),
      accessBindings: positiveInt("bindings", values.bindings),
    },
    pairs: positiveInt("pairs", values.pairs),
    port,
    sizes,
    sizeMb,
    browser: !values["no-browser"],
    browserOnly,
    browserRuns: values["browser-runs"] ? positiveInt("browser-runs", values["browser-runs"]) : 3,
    small: !values["no-small"] && !browserOnly,
    cli: !values["no-cli"] && !browserOnly,
  };
}
