import { describe, expect, it } from "vitest";
import tsv from "../../src/shared/data/icd10cm-2026-subset.tsv?raw";
import { checkIcd10, describeIcd10, searchIcd10 } from "../../src/shared/icd10";

describe("the ICD-10 list inside the Workers runtime", () => {
  it("arrives whole through the ?raw import: a header line and 7,768 codes", () => {
    const lines = tsv.trimEnd().split("\n");
    expect(lines[0]).toBe("code\tdescription");
    expect(lines).toHaveLength(7769);
  });

  it("answers lookups, checks and searches", () => {
    expect(describeIcd10("M54.50")).toBe("Low back pain, unspecified");
    expect(checkIcd10("s134xxa")).toMatchObject({ status: "billable", code: "S13.4XXA" });
    expect(checkIcd10("M54.5")).toMatchObject({ status: "header", childCount: 3 });
    expect(searchIcd10("neck").length).toBeGreaterThan(0);
  });
});
