import { describe, expect, it } from "vitest";
import { sampleBundle, withSnapshotValues } from "@/test/bundles";
import { serializeBundle } from "./canonical-json";
import fc from "fast-check";
import { ByteSource } from "./byte-source";
import { decodeBundleBytes, parseBundleBytes, parseBundleSource, parseBundleText } from "./parse-bundle";
import { RawJson } from "./raw-json";
import { splitBundle } from "./split-bundle";
import type { Bundle } from "./schema";

const text = (value: unknown) => JSON.stringify(value);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return "OK";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
};

describe("parseBundleText", () => {
  it("accepts a valid bundle and a UTF-8 byte-order mark", () => {
    const valid = serializeBundle(sampleBundle());
    expect(parseBundleText(valid).project.slug).toBe("demo");
    expect(
      parseBundleText(decodeBundleBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(valid)]), 1e9))
        .project.slug,
    ).toBe("demo");
  });

  it.each([
    ["not JSON", "hello", "INVALID_JSON"],
    ["truncated", serializeBundle(sampleBundle()).slice(0, 200), "INVALID_JSON"],
    ["empty", "   ", "INVALID_JSON"],
    ["an array", "[]", "INVALID_BUNDLE"],
    ["wrong format", text({ ...sampleBundle(), format: "kibana" }), "INVALID_BUNDLE"],
    ["missing version", text({ ...sampleBundle(), version: undefined }), "INVALID_BUNDLE"],
    ["future version", text({ ...sampleBundle(), version: 2 }), "UNSUPPORTED_BUNDLE_VERSION"],
    ["string version", text({ ...sampleBundle(), version: "1" }), "UNSUPPORTED_BUNDLE_VERSION"],
    ["unknown section", text({ ...sampleBundle(), sections: ["connections", "queryLogs"] }), "INVALID_BUNDLE"],
    ["unknown top-level key", text({ ...sampleBundle(), queryLogs: [] }), "INVALID_BUNDLE"],
    ["section present but unlisted", text({ ...sampleBundle(), sections: ["connections"] }), "INVALID_BUNDLE"],
    [
      "duplicate model slugs",
      text({ ...sampleBundle(), models: [sampleBundle().models[0], sampleBundle().models[0]] }),
      "INVALID_BUNDLE",
    ],
    [
      "negative version number",
      text({
        ...sampleBundle(),
        models: [{ ...sampleBundle().models[0], versions: [{ ...sampleBundle().models[0]!.versions[0], number: -1 }] }],
      }),
      "INVALID_BUNDLE",
    ],
    [
      "uppercase slug",
      text({ ...sampleBundle(), project: { slug: "Demo", displayName: "d", active: true } }),
      "INVALID_BUNDLE",
    ],
    [
      "look-alike unicode slug",
      text({ ...sampleBundle(), project: { slug: "dеmo", displayName: "d", active: true } }),
      "INVALID_BUNDLE",
    ],
    ["__proto__ key", '{"format":"ferry.project","version":1,"__proto__":{"x":1}}', "INVALID_BUNDLE"],
    [
      "constructor key in free JSON",
      text({ ...sampleBundle(), settings: [{ key: "a", value: { constructor: { prototype: 1 } } }] }),
      "INVALID_BUNDLE",
    ],
    [
      "deep nesting",
      `{"format":"ferry.project","version":1,"x":${"[".repeat(10_000)}${"]".repeat(10_000)}}`,
      "INVALID_BUNDLE",
    ],
    [
      "huge string",
      text({ ...sampleBundle(), project: { slug: "demo", displayName: "x".repeat(2_000_000), active: true } }),
      "INVALID_BUNDLE",
    ],
    [
      "dangling recipe model",
      text({ ...sampleBundle(), recipes: [{ slug: "r", name: "R", definition: { models: ["ghost"], steps: [] } }] }),
      "DANGLING_REFERENCE",
    ],
    [
      "dangling join",
      text({ ...sampleBundle(), models: [{ ...sampleBundle().models[1], slug: "orders" }] }),
      "DANGLING_REFERENCE",
    ],
    ["dangling connection", text({ ...sampleBundle(), connections: [] }), "DANGLING_REFERENCE"],
    [
      "encrypted without envelope",
      text({
        ...sampleBundle(),
        connections: [{ ...sampleBundle().connections![0], credentials: { encrypted: "gAAAA" } }],
      }),
      "INVALID_BUNDLE",
    ],
    [
      "unknown role",
      text({ ...sampleBundle(), accessBindings: [{ user: "a@x.test", role: "OWNER", model: null }] }),
      "INVALID_BUNDLE",
    ],
  ])("rejects %s", (_name, input, code) => {
    expect(codeOf(() => parseBundleText(input))).toBe(code);
  });

  it("obeys the forms' rules: http(s) URLs, names without control characters, connection fields per type; a model bundle carries models and connections only", () => {
    const b = sampleBundle();
    const problem = (bundle: unknown) => {
      try {
        parseBundleText(text(bundle));
        return "OK";
      } catch (error) {
        return (error as { details?: { path: string }[] }).details?.[0]?.path ?? String(error);
      }
    };
    expect(problem({ ...b, agent: { ...b.agent!, webhookUrl: "javascript:alert(4)" } })).toBe("agent.webhookUrl");
    const llm = (endpoint: string) => ({ ...b, llmConfigs: b.llmConfigs!.map((l) => ({ ...l, endpoint })) });
    expect(problem(llm("javascript:alert(3)"))).toBe("llmConfigs.0.endpoint");
    expect(problem(llm("not a url"))).toBe("llmConfigs.0.endpoint");
    expect(problem(llm("https://llm.example.com/v1"))).toBe("OK");
    const conn = (config: Record<string, unknown>) => ({
      ...b,
      connections: b.connections!.map((c) => ({ ...c, config })),
    });
    expect(problem(conn({ host: "https://db", port: 5432 }))).toBe("connections.0.config.host");
    expect(problem(conn({ host: "db", port: 70000 }))).toBe("connections.0.config.port");
    expect(problem(conn({ host: "db.internal", port: "5432" }))).toBe("OK");
    expect(
      problem({
        ...b,
        scope: "model",
        models: b.models.slice(0, 1).map((m) => ({ ...m, joins: undefined })),
        sections: ["connections", "settings"],
        llmConfigs: undefined,
        agent: undefined,
        recipes: undefined,
        accessBindings: undefined,
      }),
    ).toBe("sections");
  });

  it("reports each problem with its path, at most 50", () => {
    const bundle = sampleBundle({
      models: Array.from({ length: 80 }, (_, i) => ({ ...sampleBundle().models[0]!, slug: `m${i}`, name: "" })),
    });
    try {
      parseBundleText(text(bundle));
      expect.unreachable();
    } catch (error) {
      const details = (error as { details: { path: string; reason: string }[] }).details;
      expect(details).toHaveLength(50);
      expect(details[0]!.path).toBe("models.0.name");
    }
  });

  it("rejects oversized and UTF-16 input before parsing", () => {
    expect(codeOf(() => decodeBundleBytes(Buffer.alloc(11), 10))).toBe("PAYLOAD_TOO_LARGE");
    expect(codeOf(() => decodeBundleBytes(Buffer.from("\ufeff{}", "utf16le"), 100))).toBe("INVALID_JSON");
    expect(codeOf(() => decodeBundleBytes(Buffer.from([0xc3, 0x28]), 100))).toBe("INVALID_JSON");
  });
});

describe("parseBundleBytes (model-by-model parsing)", () => {
  // Snapshots from uploaded bytes stay as their bytes (RawJson); compare them as values.
  const materialize = (value: unknown) => withSnapshotValues(value as Bundle);
  const outcome = (fn: () => unknown) => {
    try {
      return { ok: materialize(fn()) };
    } catch (error) {
      return { code: (error as { code?: string }).code, message: (error as Error).message };
    }
  };
  const bytesOf = (text: string) => new TextEncoder().encode(text);

  it("gives exactly what the whole-text parser gives, for valid bundles in any layout", () => {
    const bundle = sampleBundle();
    for (const text of [
      serializeBundle(bundle),
      JSON.stringify(bundle),
      JSON.stringify(bundle, null, "\t"),
      ` \n${JSON.stringify(Object.assign({ models: bundle.models }, bundle))}\n `,
      `\ufeff${JSON.stringify(bundle)}`,
    ]) {
      expect(outcome(() => parseBundleBytes(bytesOf(text), 1e9))).toEqual(outcome(() => parseBundleText(text)));
    }
  });

  it("keeps version snapshots as their uploaded bytes, with their join targets", () => {
    const bundle = parseBundleBytes(bytesOf(serializeBundle(sampleBundle())), 1e9);
    const orders = bundle.models.find((m) => m.slug === "orders")!;
    expect(orders.versions[0]!.snapshot).toBeInstanceOf(RawJson);
    expect((orders.versions[0]!.snapshot as RawJson).joins).toEqual(["customers"]);
    expect((orders.versions[0]!.snapshot as RawJson).value()).toEqual(sampleBundle().models[1]!.versions[0]!.snapshot);
  });

  it("never lets an escaped duplicate key smuggle in unvalidated bytes", () => {
    // JSON.parse keeps the last "snapshot" (written with an escape); so must the kept bytes.
    const valid = serializeBundle(sampleBundle());
    const tricky = valid.replace('"snapshot": {', '"snapshot": {"sourceTable": "evil"}, "snapsh\\u006ft": {');
    const bundle = parseBundleBytes(bytesOf(tricky), 1e9);
    for (const model of bundle.models)
      for (const version of model.versions)
        expect(
          JSON.stringify(version.snapshot instanceof RawJson ? version.snapshot.value() : version.snapshot),
        ).not.toContain("evil");
  });

  it("keeps the last of repeated versions or snapshot members, as JSON.parse does", () => {
    const valid = serializeBundle(sampleBundle());
    for (const text of [
      valid.replace('"versions": [', '"versions": 1, "versions": ['),
      valid.replace('"versions": [', '"versions": [], "versi\\u006fns": ['),
      valid.replace('"snapshot": {', '"snapshot": 1, "snapshot": {'),
    ]) {
      expect(text).not.toBe(valid);
      expect(outcome(() => parseBundleBytes(bytesOf(text), 1e9))).toEqual(outcome(() => parseBundleText(text)));
    }
  });

  it("falls back to the precise errors for anything irregular", () => {
    const valid = JSON.stringify(sampleBundle());
    const cases = [
      valid.slice(0, -3),
      `${valid}x`,
      valid.replace('"models":[', '"models":[,'),
      valid.replace('"models":', '"models":1,"models":'),
      '{"models": []}',
      "[]",
      '{"format":"ferry.project","version":1,"models":[{"a":"\\"}"}]}',
      valid.replace('"models":[', '"models":[{"slug":"x\\\\"}, '),
      valid.replace('"models":', '"settings":[],"models":'),
      valid.replace('"models":', '"__proto__":[{"key":"a","value":1}],"models":'),
      valid.replace('"models":', '"settings":[{"key":"a","value":1},],"models":'),
      // A byte-order mark inside the file is not whitespace: JSON.parse refuses it, and so must the batches.
      valid.replace('"sections":[', '"sections":[\ufeff'),
      valid.replace('"models":[', '"models":[\ufeff1,'),
    ];
    for (const text of cases)
      expect(outcome(() => parseBundleBytes(bytesOf(text), 1e9))).toEqual(outcome(() => parseBundleText(text)));
  });

  it("parses a large top-level array a batch at a time: the head never holds it", () => {
    const bundle = sampleBundle();
    const settings = Array.from({ length: 20_000 }, (_, i) => ({
      key: `setting-${i}`,
      value: { label: `a "quoted" ] } label ${i}`, n: i, list: [i, [i]] },
    }));
    const text = serializeBundle({
      ...bundle,
      sections: [...new Set([...bundle.sections, "settings" as const])],
      settings,
    });
    const bytes = bytesOf(text);
    const slices = splitBundle(ByteSource.of(bytes))!;
    expect(slices.arrays.find((a) => a.key === "settings")!.batches.length).toBeGreaterThan(1);
    expect(slices.head.length).toBeLessThan(bytes.length / 10);
    for (const source of [
      ByteSource.of(bytes),
      ByteSource.reading(bytes.length, (start, end) => bytes.slice(start, end), 4096),
    ])
      expect(outcome(() => parseBundleSource(source, 1e9))).toEqual(outcome(() => parseBundleText(text)));
  });

  it("skips strings with escaped quotes and backslashes inside snapshots, wherever a window ends", () => {
    const bundle = sampleBundle();
    const tricky = ['a\\"b', "\\", '\\"', '"}]', "x\\\\", '\\\\"]}', "", "{[", '"', "\\\\\\"];
    bundle.models[0]!.versions[0]!.snapshot = {
      ...bundle.models[0]!.versions[0]!.snapshot,
      tricky,
      nested: [{ [tricky[0]!]: tricky }, tricky.join("")],
    } as Bundle["models"][number]["versions"][number]["snapshot"];
    const text = serializeBundle(bundle);
    const bytes = bytesOf(text);
    const expected = outcome(() => parseBundleText(text));
    expect(expected).toHaveProperty("ok");
    expect(outcome(() => parseBundleBytes(bytes, 1e9))).toEqual(expected);
    const decode = (range: [number, number]) => JSON.parse(new TextDecoder().decode(bytes.subarray(...range)));
    for (let w = 1; w <= 24; w++) {
      const windowed = ByteSource.reading(bytes.length, (start, end) => bytes.slice(start, end), w);
      expect(outcome(() => parseBundleSource(windowed, 1e9))).toEqual(expected);
      // The split itself, not only its fallback: every model and snapshot range is exact.
      const slices = splitBundle(ByteSource.reading(bytes.length, (start, end) => bytes.slice(start, end), w))!;
      expect(slices.models.map(decode)).toEqual(bundle.models);
      expect(slices.snapshots.map((ranges) => ranges!.map(decode))).toEqual(
        bundle.models.map((m) => m.versions.map((v) => v.snapshot)),
      );
    }
    expect(splitBundle(ByteSource.of(bytes))!.models.map(decode)).toEqual(bundle.models);
  });

  it("matches the whole-text parser on arbitrary JSON documents, in memory and through a small window", () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        (value, withModels, w) => {
          const doc =
            withModels && value !== null && typeof value === "object" && !Array.isArray(value)
              ? { ...value, format: "ferry.project", version: 1, models: [value] }
              : value;
          const text = JSON.stringify(doc);
          if (text === undefined) return;
          expect(outcome(() => parseBundleBytes(bytesOf(text), 1e9))).toEqual(outcome(() => parseBundleText(text)));
          // A spooled upload is scanned through a window: any window size gives the same outcome.
          const bytes = bytesOf(text);
          const windowed = ByteSource.reading(bytes.length, (start, end) => bytes.slice(start, end), w);
          expect(outcome(() => parseBundleSource(windowed, 1e9))).toEqual(outcome(() => parseBundleText(text)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
