import { describe, expect, it } from "vitest";
import { parseBundleText } from "@/lib/bundle/parse-bundle";
import { serializeBundle } from "@/lib/bundle/canonical-json";
import { sampleBundle } from "@/test/bundles";
import { parseJsonText } from "./json";
import { parseInput } from "./parse-input";
import { updateProjectSchema } from "./project";
import { settingInputSchema } from "./setting";
import { findUnstorableText, unstorableTextReason } from "./storable";

// What PostgreSQL cannot store is bad input, not a crash (SPEC §6): U+0000, lone UTF-16
// surrogates and integers beyond its 4-byte integer, refused with a path in bundles and forms.

const invalidPaths = (text: string) => {
  try {
    parseBundleText(text);
    return "OK";
  } catch (error) {
    const e = error as { code: string; details?: { path: string; reason: string }[] };
    return { code: e.code, paths: (e.details ?? []).map((d) => d.path) };
  }
};

describe("text PostgreSQL cannot store", () => {
  it("names U+0000 and lone surrogates, and accepts surrogate pairs", () => {
    expect(unstorableTextReason("plain text, ünïcode, 🚀")).toBeNull();
    expect(unstorableTextReason("a\u0000b")).toBe("the NUL character (\\u0000) is not allowed");
    expect(unstorableTextReason("a\udfffb")).toBe("a lone UTF-16 surrogate (\\udfff) is not allowed");
    expect(unstorableTextReason("\ud800")).toBe("a lone UTF-16 surrogate (\\ud800) is not allowed");
    expect(unstorableTextReason("\ude80\ud83d")).not.toBeNull(); // a pair in the wrong order
    expect(findUnstorableText({ a: [1, { b: "x\u0000" }] })).toEqual({
      path: "a.1.b",
      reason: "the NUL character (\\u0000) is not allowed",
    });
    expect(findUnstorableText({ ["k\udfff"]: 1 })?.path).toBe("k\udfff");
  });
});

describe("bundles", () => {
  const base = () => JSON.parse(serializeBundle(sampleBundle())) as ReturnType<typeof sampleBundle>;

  it("refuses U+0000 and lone surrogates anywhere, in values and keys, with the path", () => {
    const nulName = base();
    nulName.models[0]!.name = "Or\u0000ders";
    expect(invalidPaths(JSON.stringify(nulName))).toEqual({ code: "INVALID_BUNDLE", paths: ["models.0.name"] });

    const surrogateName = base();
    surrogateName.project.displayName = "Demo \udfff";
    expect(invalidPaths(JSON.stringify(surrogateName))).toEqual({
      code: "INVALID_BUNDLE",
      paths: ["project.displayName"],
    });

    const surrogateKey = base();
    (surrogateKey.models[0]!.versions[0]!.snapshot as Record<string, unknown>)["note\ud800"] = "x";
    expect(invalidPaths(JSON.stringify(surrogateKey))).toEqual({
      code: "INVALID_BUNDLE",
      paths: ["models.0.versions.0.snapshot.note\ud800"],
    });

    const setting = base();
    setting.settings = [{ key: "zone", value: { nested: ["ok", "\udfff"] } }];
    expect(invalidPaths(JSON.stringify(setting))).toEqual({
      code: "INVALID_BUNDLE",
      paths: ["settings.0.value.nested.1"],
    });

    const emoji = base();
    emoji.project.displayName = "Demo 🚀";
    expect(invalidPaths(JSON.stringify(emoji))).toBe("OK");
  });

  it("refuses version numbers beyond PostgreSQL's integer (2^31 - 1)", () => {
    const big = base();
    big.models[0]!.versions[0]!.number = 2 ** 31;
    expect(invalidPaths(JSON.stringify(big))).toEqual({
      code: "INVALID_BUNDLE",
      paths: ["models.0.versions.0.number"],
    });
    const largest = base();
    largest.models[0]!.versions = [{ ...largest.models[0]!.versions[0]!, number: 2 ** 31 - 1 }];
    largest.models[0]!.deployedVersion = null;
    expect(invalidPaths(JSON.stringify(largest))).toBe("OK");
  });
});

describe("forms", () => {
  it("answer a validation error with the field's path, not a server error", () => {
    for (const displayName of ["Sales\u0000", "Sales \udfff"]) {
      expect(() => parseInput(updateProjectSchema, { displayName, active: true })).toThrow(
        expect.objectContaining({ code: "INVALID_INPUT", details: [expect.objectContaining({ path: "displayName" })] }),
      );
    }
    for (const value of ['"Europe\\u0000Paris"', '{"zone": "\\udfff"}', '{"\\u0000": 1}']) {
      const parsed = settingInputSchema.safeParse({ key: "timezone", value });
      expect(parsed.success, value).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(["value"]);
    }
    expect(parseJsonText('{"a": ["\\ud83d\\ude80"]}')).toEqual({ ok: true, value: { a: ["🚀"] } });
    expect(parseJsonText('{"a": ["x\\u0000"]}')).toEqual({
      ok: false,
      reason: "At a.0: the NUL character (\\u0000) is not allowed.",
    });
  });
});
