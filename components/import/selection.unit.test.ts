import { describe, expect, it } from "vitest";
import { isSelected, sectionChoice, sectionState, uncheckedKeys, withSectionChoice } from "./selection";

const keys = ["a", "b", "c", "d", "e"];

describe("item selection", () => {
  it("sends nothing while every item is checked", () => {
    expect(sectionChoice(keys, new Set())).toBeUndefined();
    expect(withSectionChoice(undefined, "settings", keys, new Set())).toBeUndefined();
    expect(withSectionChoice({ settings: { exclude: ["a"] } }, "settings", keys, new Set())).toBeUndefined();
  });

  it("sends the unchecked items as exclude while they are the fewer", () => {
    expect(sectionChoice(keys, new Set(["b", "d"]))).toEqual({ exclude: ["b", "d"] });
  });

  it("sends the checked items as include once they are the fewer (none checked: an empty include)", () => {
    expect(sectionChoice(keys, new Set(["a", "b", "c", "d"]))).toEqual({ include: ["e"] });
    expect(sectionChoice(keys, new Set(keys))).toEqual({ include: [] });
  });

  it("keeps the other sections' choices", () => {
    const select = withSectionChoice({ models: { exclude: ["m"] } }, "settings", keys, new Set(["a"]));
    expect(select).toEqual({ models: { exclude: ["m"] }, settings: { exclude: ["a"] } });
  });

  it("reads back what it wrote", () => {
    for (const unchecked of [new Set<string>(), new Set(["a"]), new Set(["a", "b", "c"]), new Set(keys)]) {
      const choice = sectionChoice(keys, unchecked);
      expect(uncheckedKeys(keys, choice)).toEqual(unchecked);
      for (const key of keys) expect(isSelected(choice, key)).toBe(!unchecked.has(key));
    }
  });

  it("gives the section box its mixed state", () => {
    expect(sectionState(keys, new Set())).toBe(true);
    expect(sectionState(keys, new Set(["a"]))).toBe("indeterminate");
    expect(sectionState(keys, new Set(keys))).toBe(false);
  });
});
