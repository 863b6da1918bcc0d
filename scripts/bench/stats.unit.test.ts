import { describe, expect, it } from "vitest";
import { curveRatios, formatSpread, MB_PER_MODEL, pairRatios, parseBenchArgs, spread } from "./stats";

describe("spread", () => {
  it("takes the middle value of an odd count and the extremes", () => {
    expect(spread([3, 1, 2, 5, 4])).toEqual({ median: 3, min: 1, max: 5 });
  });
  it("averages the two middle values of an even count", () => {
    expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 });
  });
  it("refuses an empty list", () => {
    expect(() => spread([])).toThrow();
  });
  it("formats median and range", () => {
    expect(formatSpread({ median: 2, min: 1.5, max: 3.25 }, 2, "×")).toBe("2.00× (1.50–3.25×)");
  });
});

describe("pairRatios", () => {
  it("divides each product time by its own pair's floor, not by a pooled floor", () => {
    const ratios = pairRatios([
      { product: 4, floor: 1 },
      { product: 3, floor: 2 },
      { product: 6, floor: 3 },
    ]);
    expect(ratios).toEqual([4, 1.5, 2]);
    expect(spread(ratios)).toEqual({ median: 2, min: 1.5, max: 4 });
  });
  it("refuses a zero floor", () => {
    expect(() => pairRatios([{ product: 1, floor: 0 }])).toThrow();
  });
});

describe("curveRatios", () => {
  it("compares seconds per MB at the largest size with the smallest, whatever the order", () => {
    const ratios = curveRatios([
      { models: 400, bundleMb: 200, exportSeconds: 24, importSeconds: 40 },
      { models: 50, bundleMb: 25, exportSeconds: 2.5, importSeconds: 5 },
      { models: 100, bundleMb: 50, exportSeconds: 5, importSeconds: 10 },
    ]);
    expect(ratios.export).toBeCloseTo(1.2);
    expect(ratios.import).toBeCloseTo(1);
  });
  it("needs two sizes", () => {
    expect(() => curveRatios([{ models: 1, bundleMb: 1, exportSeconds: 1, importSeconds: 1 }])).toThrow();
  });
});

describe("parseBenchArgs", () => {
  it("defaults to the SPEC workload and five pairs", () => {
    const args = parseBenchArgs([]);
    expect(args.shape).toEqual({
      models: 200,
      versions: 25,
      snapshotKb: 20,
      connections: 100,
      settings: 2000,
      accessBindings: 1000,
    });
    expect(args).toMatchObject({ pairs: 5, port: 3900, sizes: [], sizeMb: null, browser: true });
  });
  it("parses sizes, pairs, port and settings", () => {
    const args = parseBenchArgs(["--sizes", "25, 50,100", "--pairs", "7", "--port", "3950", "--settings", "1000000"]);
    expect(args.sizes).toEqual([25, 50, 100]);
    expect(args.pairs).toBe(7);
    expect(args.port).toBe(3950);
    expect(args.shape.settings).toBe(1_000_000);
  });
  it("turns --gb and --size-mb into a model count", () => {
    expect(parseBenchArgs(["--gb"]).sizeMb).toBe(1024);
    expect(parseBenchArgs(["--gb"]).shape.models).toBe(Math.round(1024 / MB_PER_MODEL));
    expect(parseBenchArgs(["--size-mb", "50"]).shape.models).toBe(Math.round(50 / MB_PER_MODEL));
  });
  it("runs the wizard three times unless told, and only the wizard with --browser-only", () => {
    expect(parseBenchArgs([])).toMatchObject({ browserOnly: false, browserRuns: 3, small: true, cli: true });
    expect(parseBenchArgs(["--browser-only"])).toMatchObject({
      browserOnly: true,
      browser: true,
      browserRuns: 3,
      small: false,
      cli: false,
    });
    expect(parseBenchArgs(["--browser-only", "--browser-runs", "5"]).browserRuns).toBe(5);
    expect(() => parseBenchArgs(["--browser-only", "--no-browser"])).toThrow(/not both/);
    expect(() => parseBenchArgs(["--browser-only", "--sizes", "25,50"])).toThrow(/scale curve/);
    expect(() => parseBenchArgs(["--browser-runs", "0"])).toThrow(/positive integer/);
  });
  it("refuses bad values and unknown flags", () => {
    expect(() => parseBenchArgs(["--pairs", "0"])).toThrow(/positive integer/);
    expect(() => parseBenchArgs(["--sizes", "50"])).toThrow(/two sizes/);
    expect(() => parseBenchArgs(["--sizes", "5,x"])).toThrow(/positive integer/);
    expect(() => parseBenchArgs(["--port", "70000"])).toThrow(/TCP port/);
    expect(() => parseBenchArgs(["--gb", "--size-mb", "10"])).toThrow(/not both/);
    expect(() => parseBenchArgs(["--runs", "3"])).toThrow();
  });
});
