/** The diagnosis-code search on a Spanish page: Spanish everyday words, accents and little words forgiven. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { searchIcd10 } from "../../src/shared/icd10";
import { icd10Synonyms, synonymCodes } from "../../src/shared/icd10-synonyms";

const spanishTerms = icd10Synonyms.flatMap(({ words, es = [], codes }) =>
  es.map((term) => ({ term, english: words, codes })),
);

describe("Spanish everyday words for the diagnosis-code search", () => {
  it.each([
    ["dolor de cuello", "neck pain"],
    ["latigazo cervical", "whiplash"],
    ["dolor lumbar", "low back pain"],
    ["dolor de espalda baja", "low back pain"],
    ["dolor de espalda", "back pain"],
    ["espasmo muscular", "muscle spasm"],
    ["ciática", "sciatica"],
    ["dolor muscular", "muscle pain"],
    ["fibromialgia", "fibromyalgia"],
    ["dolor de cabeza tensional", "tension headache"],
    ["dolor de cabeza", "headache"],
    ["dolor de hombro", "shoulder pain"],
    ["esguince de espalda", "back sprain"],
    ["torcedura de espalda", "back sprain"],
    ["distensión de cuello", "neck strain"],
  ])("%s finds the codes of %s, most common first", (spanish, english) => {
    const codes = synonymCodes(english);
    expect(codes.length).toBeGreaterThan(0);
    expect(synonymCodes(spanish, "es").slice(0, codes.length)).toEqual(codes);
    expect(searchIcd10(spanish, 20, "es")[0]?.code).toBe(codes[0]);
  });

  it("forgives accents, capitals, punctuation and little words (property)", () => {
    const littleWords = ["de", "la", "del", "el", "en"];
    fc.assert(
      fc.property(
        fc.constantFrom(...spanishTerms),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        fc.array(fc.constantFrom(...littleWords), { maxLength: 3 }),
        fc.constantFrom(" ", "  ", ", ", " - "),
        ({ term }, upper, extra, gap) => {
          const typed = [
            ...term
              .normalize("NFD")
              .replace(/\p{M}/gu, "")
              .split(" ")
              .filter((word) => !littleWords.includes(word)),
            ...extra,
          ]
            .join(gap)
            .split("")
            .map((char, i) => (upper[i % upper.length] ? char.toUpperCase() : char))
            .join("");
          expect(synonymCodes(typed, "es")).toEqual(synonymCodes(term, "es"));
        },
      ),
    );
  });

  it("finds a term's codes while its words are still being typed (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...spanishTerms), fc.nat(), ({ term, codes }, cut) => {
        const words = term.split(" ").filter((word) => word.length >= 3);
        const typed = words.map((word) => word.slice(0, 2 + (cut % (word.length - 1)))).join(" ");
        expect(synonymCodes(typed, "es")).toEqual(expect.arrayContaining([...codes]));
      }),
    );
  });

  it("names only codes of the clinic's list, with their English descriptions", () => {
    const results = searchIcd10("ciatica", 20, "es");
    expect(results.slice(0, 3).map((r) => r.code)).toEqual(["M54.30", "M54.31", "M54.32"]);
    expect(results[0]?.description).toBe("Sciatica, unspecified side");
  });

  it("still finds English words and codes on a Spanish page", () => {
    expect(searchIcd10("whiplash", 20, "es")[0]?.code).toBe("S13.4XXA");
    expect(searchIcd10("m545", 20, "es").map((r) => r.code)).toEqual(["M54.50", "M54.51", "M54.59"]);
  });

  it("finds nothing for little words alone", () => {
    expect(synonymCodes("de la", "es")).toEqual([]);
    expect(synonymCodes("de", "es")).toEqual([]);
  });

  it("leaves an English page's search as it was: Spanish words name no code there", () => {
    for (const { term } of spanishTerms) expect(synonymCodes(term, "en")).toEqual([]);
    expect(searchIcd10("dolor de cuello")).toEqual([]);
    expect(synonymCodes("neck pain")).toEqual(synonymCodes("neck pain", "en"));
  });
});
