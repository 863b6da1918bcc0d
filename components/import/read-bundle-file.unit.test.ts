import { describe, expect, it } from "vitest";
import { sampleBundle, withSnapshotValues } from "@/test/bundles";
import { serializeBundle } from "@/lib/bundle/canonical-json";
import { outlineBundle, parseBundleBytes } from "@/lib/bundle/parse-bundle";
import type { Bundle } from "@/lib/bundle/schema";
import { readBundleFile } from "./read-bundle-file";

// The byte path keeps snapshots as their bytes: compare them as values.
const materialize = (bundle: Bundle) => withSnapshotValues(bundle);

const outcome = async (fn: () => Bundle | Promise<Bundle>) => {
  try {
    return { ok: materialize(await fn()) };
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message };
  }
};

const bytesOf = (text: string) => new Uint8Array(new TextEncoder().encode(text));

/** Reading the file gives what parsing its bytes gives: the bundle, or the same error. */
async function expectSameAsBytes(bytes: Uint8Array<ArrayBuffer>, maxBytes = 1e9) {
  expect(await outcome(() => readBundleFile(new Blob([bytes]), maxBytes))).toEqual(
    await outcome(() => parseBundleBytes(bytes, maxBytes)),
  );
}

describe("readBundleFile", () => {
  const valid = serializeBundle(sampleBundle());

  it("reads a valid bundle, with or without a byte-order mark", async () => {
    expect((await readBundleFile(new Blob([bytesOf(valid)]), 1e9)).project.slug).toBe("demo");
    await expectSameAsBytes(bytesOf(valid));
    await expectSameAsBytes(bytesOf(`\ufeff${valid}`));
    await expectSameAsBytes(bytesOf(JSON.stringify(sampleBundle())));
  });

  it("hands over the outline before validating, and the parsed JSON when there is no outline", async () => {
    const seen: unknown[] = [];
    await readBundleFile(new Blob([bytesOf(valid)]), 1e9, (raw) => seen.push(raw));
    expect(seen).toEqual([outlineBundle(bytesOf(valid))]);
    // Models that are not objects: no outline; the JSON as parsed, then the validation's error.
    const odd = valid.replace('"versions": [', '"versions": 5, "v": [');
    seen.length = 0;
    await expect(readBundleFile(new Blob([bytesOf(odd)]), 1e9, (raw) => seen.push(raw))).rejects.toMatchObject({
      code: "INVALID_BUNDLE",
    });
    expect(seen).toEqual([JSON.parse(odd)]);
  });

  it("keeps a bundle's own U+FFFD characters", async () => {
    await expectSameAsBytes(bytesOf(valid.replace('"displayName": "', '"displayName": "\ufffd')));
  });

  it("gives the byte path's errors, word for word", async () => {
    for (const text of [valid.slice(0, -3), `${valid}x`, "", "   ", "[]", '{"format":"kibana","version":1}'])
      await expectSameAsBytes(bytesOf(text));
    const broken = bytesOf(valid);
    await expectSameAsBytes(new Uint8Array([...broken.subarray(0, 200), 0xc3, 0x28, ...broken.subarray(200)]));
    await expectSameAsBytes(new Uint8Array([0xff, 0xfe, ...bytesOf("{}")]));
    await expectSameAsBytes(bytesOf(valid), 100);
    expect(await outcome(() => readBundleFile(new Blob([bytesOf(valid)]), 100))).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
  });
});
