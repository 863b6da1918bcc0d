import { describe, expect, it } from "vitest";
import { sampleBundle, withSnapshotValues } from "@/test/bundles";
import { ByteSource } from "./byte-source";
import { serializeBundle } from "./canonical-json";
import { parseBundleBytes, parseBundleSource } from "./parse-bundle";
import { RawJson } from "./raw-json";
import type { Bundle } from "./schema";

// A spooled upload is scanned through a small window and read back by range: whatever the window
// size, the result must be exactly what parsing the bytes in memory gives.

const bytesOf = (text: string) => new TextEncoder().encode(text);

/** A source that copies each range out (as a file read does) and counts what it read. */
function chunked(bytes: Uint8Array, windowSize: number) {
  let read = 0;
  const source = ByteSource.reading(
    bytes.length,
    (start, end) => {
      read += end - start;
      return bytes.slice(start, end);
    },
    windowSize,
  );
  return { source, read: () => read };
}

const materialize = (bundle: Bundle) =>
  withSnapshotValues(bundle, (raw) => ({ raw: new TextDecoder().decode(raw.bytes) }));
const outcome = (parse: () => Bundle) => {
  try {
    return { ok: materialize(parse()) };
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message };
  }
};

describe("ByteSource", () => {
  it("answers at and indexOf across window boundaries like the bytes themselves", () => {
    const bytes = bytesOf('{"a": "x\\\\\\"y", "b": [1, 2, {"c": "\\""}]}');
    for (const windowSize of [1, 2, 3, 7, 64]) {
      const { source } = chunked(bytes, windowSize);
      for (let i = -1; i <= bytes.length; i++) expect(source.at(i)).toBe(bytes[i]);
      for (let i = 0; i <= bytes.length; i++) expect(source.indexOf(0x22, i)).toBe(bytes.indexOf(0x22, i));
      // Backwards after forwards, as the splitter's backslash count does.
      for (let i = bytes.length - 1; i >= 0; i--) expect(source.at(i)).toBe(bytes[i]);
    }
  });
});

describe("the splitter's cost over a windowed source", () => {
  it("reads a long run of backslashes before a quote a bounded number of times, not once per kilobyte", () => {
    // A string of 2 MB of escaped backslashes: counting them back from its closing quote walks the
    // whole run backwards through the window.
    const run = "\\".repeat(1024 * 1024);
    const bytes = bytesOf(`{"a": "${run}", "models": []}`);
    const windowSize = 64 * 1024;
    const { source, read } = chunked(bytes, windowSize);
    expect(() => parseBundleSource(source, Number.MAX_SAFE_INTEGER)).toThrow(); // not a bundle: fine
    expect(read()).toBeLessThan(4 * bytes.length);
  });
});

describe("parseBundleSource over a windowed source", () => {
  const bundle = sampleBundle();
  const layouts = [
    serializeBundle(bundle),
    JSON.stringify(bundle),
    ` \n${JSON.stringify(Object.assign({ models: bundle.models }, bundle))}\n `,
    `\ufeff${JSON.stringify(bundle)}`,
    serializeBundle(bundle).replace('"sourceTable": "s.orders"', '"sourceTable": "s.or\\\\\\"ders\\\\"'),
  ];

  it("gives exactly what parsing the bytes in memory gives, for every window size", () => {
    for (const text of layouts)
      for (const windowSize of [1, 5, 64, 4096]) {
        const bytes = bytesOf(text);
        expect(outcome(() => parseBundleSource(chunked(bytes, windowSize).source, 1e9))).toEqual(
          outcome(() => parseBundleBytes(bytes, 1e9)),
        );
      }
  });

  it("keeps a range to read again, not the bytes, for each snapshot", () => {
    const bytes = bytesOf(serializeBundle(bundle));
    const { source, read } = chunked(bytes, 64);
    const parsed = parseBundleSource(source, 1e9);
    const snapshot = parsed.models[1]!.versions[0]!.snapshot as RawJson;
    const before = read();
    expect(snapshot.value()).toEqual(bundle.models[1]!.versions[0]!.snapshot);
    expect(read()).toBeGreaterThan(before);
    expect(snapshot.joins).toEqual(["customers"]);
  });
});
