/**
 * The guidance prose in both languages (src/content/pages): every English entry has a Spanish twin
 * that carries the same facts — the same clinic placeholders, statute citations, figures, anchors
 * and links (to the Spanish page where one exists).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { englishPath, hasSpanishTwin } from "../../src/shared/site-pages";

const dir = path.resolve(import.meta.dirname, "../../src/content/pages");
const entries = (lang: string) => readdirSync(path.join(dir, lang)).sort();
const read = (lang: string, file: string) => readFileSync(path.join(dir, lang, file), "utf8");

/** What must be the same in both languages. */
function facts(text: string) {
  const all = (re: RegExp) => [...text.matchAll(re)].map((m) => (m[1] ?? m[2])!).sort();
  return {
    placeholders: all(/\{\{(\w+)\}\}/g),
    citations: all(/(ORS [\d.]+(?:\(\d\)\([a-z]\))?)/g),
    figures: all(/(?<![\w.])(\d+(?:[.,]\d+)*)(?![\w])/g).filter(
      (n) => !/^(19|20)\d\d$/.test(n) || n === "2020",
    ),
    anchors: all(/id="([\w-]+)"/g),
    links: all(/\]\(([^)]+)\)|href="([^"]+)"/g),
  };
}

describe("the guidance prose", () => {
  it("has a Spanish entry for every English one", () => {
    expect(entries("es")).toEqual(entries("en"));
  });

  describe.each(entries("en"))("%s", (file) => {
    const en = facts(read("en", file));
    const es = facts(read("es", file));

    it("says the same facts in Spanish", () => {
      expect(es.placeholders).toEqual(en.placeholders);
      expect(es.citations).toEqual(en.citations);
      expect(es.figures).toEqual(en.figures);
      expect(es.anchors).toEqual(en.anchors);
    });

    it("links to the Spanish twin of every page that has one", () => {
      const pathOf = (href: string) => href.split("#")[0] || "#";
      expect(es.links.map((href) => englishPath(pathOf(href))).sort()).toEqual(en.links.map(pathOf).sort());
      for (const href of es.links.map(pathOf)) {
        if (href.startsWith("/") && !href.startsWith("/es")) expect(hasSpanishTwin(href), href).toBe(false);
      }
    });
  });
});
