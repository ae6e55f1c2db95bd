import { describe, expect, it } from "vitest";
import { icd10Synonyms, synonymCodes } from "../../src/shared/icd10-synonyms";
import tsv from "../../src/shared/data/icd10cm-2026-subset.tsv?raw";
import {
  checkIcd10,
  describeIcd10,
  diagnosisCodeError,
  diagnosisCodeNotice,
  listedIcd10Prefixes,
  normalizeIcd10,
  searchIcd10,
} from "../../src/shared/icd10";

describe("normalizeIcd10", () => {
  it.each([
    ["s134xxa", "S13.4XXA"],
    ["m545", "M54.5"],
    ["R52", "R52"],
    ["  m54.50 ", "M54.50"],
    ["M 54 50", "M54.50"],
    ["g44209", "G44.209"],
    ["m1a.0110", "M1A.0110"],
  ])("reads %j as %s", (input, expected) => {
    expect(normalizeIcd10(input)).toBe(expected);
  });

  it.each(["", "M5", "hello", "5M4.5", "M54.", "M54.12345", "M5.45", "M54-50"])("rejects %j", (input) => {
    expect(normalizeIcd10(input)).toBeNull();
  });
});

describe("the bundled list", () => {
  it("loads through the ?raw import with all 7,768 codes", () => {
    expect(tsv.trimEnd().split("\n")).toHaveLength(7769);
  });

  it("holds only codes under the listed prefixes, each well-formed", () => {
    for (const line of tsv.trimEnd().split("\n").slice(1)) {
      const code = line.split("\t")[0]!;
      expect(normalizeIcd10(code)).toBe(code);
      expect(listedIcd10Prefixes.some((p) => code.startsWith(p))).toBe(true);
    }
  });
});

describe("checkIcd10", () => {
  it("accepts a billable code typed loosely, with its description", () => {
    expect(checkIcd10("s134xxa")).toEqual({
      status: "billable",
      code: "S13.4XXA",
      description: "Sprain of ligaments of cervical spine, initial encounter",
    });
    expect(checkIcd10("R52")).toEqual({ status: "billable", code: "R52", description: "Pain, unspecified" });
  });

  it("turns M54.5 (not billable since FY2022) into a header suggesting M54.50, M54.51 and M54.59", () => {
    expect(checkIcd10("M54.5")).toEqual({
      status: "header",
      code: "M54.5",
      childCount: 3,
      children: [
        { code: "M54.50", description: "Low back pain, unspecified" },
        { code: "M54.51", description: "Vertebrogenic low back pain" },
        { code: "M54.59", description: "Other low back pain" },
      ],
    });
  });

  it("suggests the 7th-character codes for S13.4", () => {
    const result = checkIcd10("S13.4");
    expect(result.status).toBe("header");
    if (result.status !== "header") return;
    expect(result.children.map((c) => c.code)).toEqual(["S13.4XXA", "S13.4XXD", "S13.4XXS"]);
  });

  it("caps the children of a broad category at 20 but counts them all", () => {
    const result = checkIcd10("m54");
    expect(result.status).toBe("header");
    if (result.status !== "header") return;
    expect(result.children).toHaveLength(20);
    expect(result.childCount).toBeGreaterThan(20);
    expect(result.children[0]!.code).toBe("M54.00");
    expect(result.children.every((c) => c.code.startsWith("M54."))).toBe(true);
  });

  it("rejects a code inside the listed prefixes that is not in the list", () => {
    expect(checkIcd10("M54.7")).toEqual({ status: "unlisted", code: "M54.7" });
    expect(checkIcd10("S13.4XXB")).toEqual({ status: "unlisted", code: "S13.4XXB" });
    expect(checkIcd10("G45.9")).toEqual({ status: "outside", code: "G45.9" });
  });

  it("accepts a well-formed code outside the listed prefixes for staff to confirm", () => {
    expect(checkIcd10("Z00.00")).toEqual({ status: "outside", code: "Z00.00" });
    expect(checkIcd10("z0000")).toEqual({ status: "outside", code: "Z00.00" });
  });

  it.each(["M5", "hello", "", "   "])("calls %j malformed", (input) => {
    expect(checkIcd10(input)).toEqual({ status: "malformed" });
  });
});

describe("describeIcd10", () => {
  it("describes billable codes, typed loosely", () => {
    expect(describeIcd10("M54.2")).toBe("Cervicalgia");
    expect(describeIcd10("m7970")).toBeUndefined();
    expect(describeIcd10("m797")).toBe("Fibromyalgia");
  });

  it("is undefined for headers, outside codes and nonsense", () => {
    expect(describeIcd10("M54.5")).toBeUndefined();
    expect(describeIcd10("Z00.00")).toBeUndefined();
    expect(describeIcd10("hello")).toBeUndefined();
  });
});

describe("searchIcd10", () => {
  it("finds at most 20 codes about the neck, each with its description", () => {
    const results = searchIcd10("neck");
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(20);
    const named = synonymCodes("neck");
    for (const r of results) {
      expect(r.description).toBe(describeIcd10(r.code));
      // Everyday words name some codes whose description does not say "neck" (cervicalgia).
      if (!named.includes(r.code)) expect(r.description.toLowerCase()).toContain("neck");
    }
  });

  it("puts general descriptions before long specific ones", () => {
    const results = searchIcd10("low back");
    expect(results.map((r) => r.code).slice(0, 3)).toEqual(expect.arrayContaining(["M54.50", "M54.59"]));
    const named = synonymCodes("low back");
    const lengths = results.filter((r) => !named.includes(r.code)).map((r) => r.description.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it("needs every word, in any order and case", () => {
    for (const r of searchIcd10("BACK low", 50)) {
      expect(r.description.toLowerCase()).toMatch(/back/);
      expect(r.description.toLowerCase()).toMatch(/low/);
    }
  });

  it("ranks whole-word matches before matches inside words", () => {
    const results = searchIcd10("arm", 200);
    const firstInside = results.findIndex((r) => !/\barm/i.test(r.description));
    const lastWhole = results.findLastIndex((r) => /\barm/i.test(r.description));
    expect(firstInside === -1 || lastWhole < firstInside).toBe(true);
  });

  it("finds codes by prefix, typed loosely, in code order", () => {
    expect(searchIcd10("m545").map((r) => r.code)).toEqual(["M54.50", "M54.51", "M54.59"]);
    expect(searchIcd10("M54.5").map((r) => r.code)).toEqual(["M54.50", "M54.51", "M54.59"]);
    const s13 = searchIcd10("s13");
    expect(s13).toHaveLength(20);
    expect(s13.every((r) => r.code.startsWith("S13."))).toBe(true);
    const codes = s13.map((r) => r.code);
    expect(codes).toEqual([...codes].sort());
    expect(searchIcd10("m54")[0]!.code).toBe("M54.00");
  });

  it("honours the limit", () => {
    expect(searchIcd10("m54", 5)).toHaveLength(5);
    expect(searchIcd10("pain", 3)).toHaveLength(3);
    expect(searchIcd10("pain", 0)).toEqual([]);
  });

  it("is deterministic", () => {
    expect(searchIcd10("shoulder")).toEqual(searchIcd10("shoulder"));
  });

  it("returns nothing for empty or one-character queries and for no match", () => {
    expect(searchIcd10("")).toEqual([]);
    expect(searchIcd10(" m ")).toEqual([]);
    expect(searchIcd10("zzzz")).toEqual([]);
    expect(searchIcd10("Z00")).toEqual([]);
  });
});

describe("diagnosisCodeError and diagnosisCodeNotice (the server's schema hook)", () => {
  it("accept billable and outside codes", () => {
    expect(diagnosisCodeError("M54.50")).toBeNull();
    expect(diagnosisCodeError("Z00.00")).toBeNull();
  });

  it("reject unlisted and malformed codes without repeating the code", () => {
    expect(diagnosisCodeError("M54.7")).toBe(
      "This is not a current ICD-10-CM code. Check it against the prescription, or ask the prescriber's office for the right code.",
    );
    expect(diagnosisCodeError("hello")).toMatch(/^This is not written like an ICD-10 code\./);
  });

  it("reject a header, naming its billable codes", () => {
    expect(diagnosisCodeError("m545")).toBe(
      "This is a category, not a complete code. The complete codes under it are M54.50, M54.51 or M54.59: copy the one on the prescription, or ask the prescriber's office which applies.",
    );
    expect(diagnosisCodeError("S13.4")).toMatch(/S13\.4XXA, S13\.4XXD or S13\.4XXS:/);
    const broad = checkIcd10("M54");
    expect(diagnosisCodeError("M54")).toMatch(
      new RegExp(
        `M54\\.00, M54\\.01, M54\\.02, M54\\.03, M54\\.04 and ${broad.status === "header" ? broad.childCount - 5 : 0} more:`,
      ),
    );
  });

  it("add a notice only for codes staff must confirm", () => {
    expect(diagnosisCodeNotice("Z00.00")).toMatch(/confirm/);
    expect(diagnosisCodeNotice("M54.50")).toBeNull();
    expect(diagnosisCodeNotice("M54.5")).toBeNull();
  });
});

describe("code search in everyday words", () => {
  it("finds the codes patients and prescribers name in their own words, the common one first", () => {
    expect(searchIcd10("neck pain")[0]?.code).toBe("M54.2");
    expect(searchIcd10("neck")[0]?.code).toBe("M54.2");
    expect(
      searchIcd10("whiplash")
        .map((r) => r.code)
        .slice(0, 2),
    ).toEqual(["S13.4XXA", "S16.1XXA"]);
    expect(searchIcd10("low back pain")[0]?.code).toBe("M54.50");
    expect(searchIcd10("Sciatica")[0]?.code).toBe("M54.30");
    expect(searchIcd10("headache")[0]?.code).toBe("G44.209");
  });

  it("names only codes in the clinic's list, and never the same code twice", () => {
    for (const { codes } of icd10Synonyms)
      for (const code of codes) expect(describeIcd10(code), code).toBeDefined();
    for (const query of ["neck", "back", "whip", "pain", "m54"]) {
      const codes = searchIcd10(query).map((r) => r.code);
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes.length).toBeLessThanOrEqual(20);
    }
  });
});
