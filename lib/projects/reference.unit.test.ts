import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { sampleBundle } from "@/test/bundles";
import { describeSource, planReference, referenceNote, referenceSourceOf, sameSource } from "./reference";

// The reference rules (SPEC §13) without a database: what an import may do to a reference project.

const bundle = sampleBundle();
const source = referenceSourceOf(bundle);
const elsewhere = { ...source, tenant: "globex" };
const target = (reference: typeof source | null) => ({ slug: "sales", reference });

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : "other";
  }
}

describe("planReference", () => {
  it("makes a reference on create and replace only", () => {
    expect(planReference({ bundle, mode: "create", reference: true })).toEqual({ action: "create", source });
    expect(planReference({ bundle, mode: "replace", reference: true, target: target(null) })).toEqual({
      action: "convert",
      source,
    });
    expect(codeOf(() => planReference({ bundle, mode: "merge", reference: true, target: target(null) }))).toBe(
      "INVALID_OPTIONS",
    );
    expect(
      codeOf(() => planReference({ bundle: { ...bundle, scope: "model" }, mode: "create", reference: true })),
    ).toBe("INVALID_OPTIONS");
    expect(planReference({ bundle, mode: "replace", target: target(null) })).toBeNull();
  });

  it("updates a reference from the same source by replace or merge, refuses everything else", () => {
    expect(planReference({ bundle, mode: "replace", target: target(source) })?.action).toBe("update");
    expect(planReference({ bundle, mode: "merge", target: target(source) })?.action).toBe("update");
    // Another export time of the same project is the same source.
    expect(
      planReference({ bundle, mode: "merge", target: target({ ...source, exportedAt: "2020-01-01T00:00:00Z" }) }),
    ).toMatchObject({ action: "update" });
    expect(codeOf(() => planReference({ bundle, mode: "skip-existing", target: target(source) }))).toBe(
      "PROJECT_MANAGED",
    );
    expect(codeOf(() => planReference({ bundle, mode: "replace", target: target(elsewhere) }))).toBe("PROJECT_MANAGED");
    // A model bundle never goes into a reference project, whatever the mode.
    for (const mode of ["create", "replace"] as const)
      expect(codeOf(() => planReference({ bundle: { ...bundle, scope: "model" }, mode, target: target(source) }))).toBe(
        "PROJECT_MANAGED",
      );
  });

  it("leaves the reference state alone on a restore", () => {
    expect(planReference({ bundle, mode: "replace", target: target(elsewhere), restore: true })).toBeNull();
  });

  it("names sources and notes in words", () => {
    expect(sameSource(source, { ...source, exportedAt: "x" })).toBe(true);
    expect(sameSource(source, elsewhere)).toBe(false);
    expect(describeSource(source)).toBe("demo (acme on test)");
    expect(describeSource(null)).toBe("an unknown source");
    expect(referenceNote({ action: "update", source })).toBe("Reference update from demo (acme on test)");
  });
});
