import { describe, expect, it } from "vitest";
import { SECTION_CATALOG } from "./section-catalog";
import { sectionCatalog } from "./sections";

describe("the browser's section catalog", () => {
  it("is what the registry says (run `npm run docs:schema` after changing a section)", () => {
    expect(SECTION_CATALOG).toEqual(sectionCatalog());
  });
});
