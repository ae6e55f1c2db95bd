/**
 * The Spanish edition: every Spanish page at phone and desktop widths with axe-core, the language
 * switch both ways, <html lang>, hreflang alternates, the Spanish 404 and the bilingual sitemap.
 */
import { describe, expect, it } from "vitest";
import { commonWordsEn } from "../../src/shared/i18n/forms/common-en";
import { commonWordsEs } from "../../src/shared/i18n/forms/common-es";
import { goodFaithEstimateWordsEn } from "../../src/shared/i18n/forms/good-faith-estimate-en";
import { goodFaithEstimateWordsEs } from "../../src/shared/i18n/forms/good-faith-estimate-es";
import { mvaClaimWordsEn } from "../../src/shared/i18n/forms/mva-claim-en";
import { mvaClaimWordsEs } from "../../src/shared/i18n/forms/mva-claim-es";
import { prescriptionWordsEn } from "../../src/shared/i18n/forms/prescription-en";
import { prescriptionWordsEs } from "../../src/shared/i18n/forms/prescription-es";
import { messages } from "../../src/shared/i18n/messages";
import { spanishPages } from "../../src/shared/site-pages";
import { baseURL, expectNoAxeViolations, openPage } from "./browser";

/** Every fixed English string of the catalogue long enough to be a phrase, and not the same in Spanish. */
function strings(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (node && typeof node === "object") return Object.values(node).flatMap(strings);
  return [];
}
const spanishStrings = new Set(strings(messages.es));
const englishMessages = strings(messages.en).filter((text) => text.length >= 12 && !spanishStrings.has(text));

/** What each form page's scripts read, by language: the words every form shares and its own. */
const formWords = {
  en: {
    prescription: { ...commonWordsEn, ...prescriptionWordsEn },
    mva_claim: { ...commonWordsEn, ...mvaClaimWordsEn },
    good_faith_estimate: { ...commonWordsEn, ...goodFaithEstimateWordsEn },
  },
  es: {
    prescription: { ...commonWordsEs, ...prescriptionWordsEs },
    mva_claim: { ...commonWordsEs, ...mvaClaimWordsEs },
    good_faith_estimate: { ...commonWordsEs, ...goodFaithEstimateWordsEs },
  },
};
/** The fixed sentences among some words, as the scripts carry them (no quote a minifier would escape). */
const phrases = (words: unknown) =>
  strings(words).filter((text) => text.length >= 25 && !/[`'"\\$]/.test(text));
const formPages = [
  ["/forms/prescription", "en", "prescription"],
  ["/es/forms/prescription", "es", "prescription"],
  ["/forms/mva-claim", "en", "mva_claim"],
  ["/es/forms/mva-claim", "es", "mva_claim"],
  ["/forms/good-faith-estimate", "en", "good_faith_estimate"],
  ["/es/forms/good-faith-estimate", "es", "good_faith_estimate"],
] as const;

describe.each(spanishPages)("Spanish page $path", ({ path, english }) => {
  it.each([320, 1280])(
    "reads in Spanish at %i px, fits the screen and has no axe violations",
    async (width) => {
      const { page, requests } = await openPage({ viewport: { width, height: 800 } });
      const res = await page.goto(path);
      expect(res?.status()).toBe(200);
      expect(await page.getAttribute("html", "lang")).toBe("es");
      expect(await page.locator("h1").count()).toBe(1);
      expect(await page.locator("a.skip-link").innerText()).toBe(messages.es.layout.skipLink);
      expect(await page.locator("nav[aria-label=Principal]").count()).toBe(1);
      expect(await page.locator("footer").innerText()).toContain("227 NE Hillcrest Drive");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
      expect(requests.filter((url) => new URL(url).hostname !== "localhost")).toEqual([]);
      await page.context().close();
    },
  );

  it("names both languages as alternates and switches to English and back", async () => {
    const { page } = await openPage();
    await page.goto(path);
    const alternates = await page.$$eval('link[rel="alternate"]', (links) =>
      links.map((l) => [l.getAttribute("hreflang"), new URL(l.getAttribute("href")!).pathname]),
    );
    expect(alternates).toEqual([
      ["en", english],
      ["es", path],
      ["x-default", english],
    ]);
    await page.click(".language-switch a");
    expect(new URL(page.url()).pathname).toBe(english);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await page.click(".language-switch a");
    expect(new URL(page.url()).pathname).toBe(path);
    expect(await page.getAttribute("html", "lang")).toBe("es");
    await page.context().close();
  });

  it("shows no English message from the catalogue", async () => {
    const html = (await (await fetch(new URL(path, baseURL))).text()).replace(/&#39;/g, "'");
    const found = englishMessages.filter((text) => html.includes(text));
    expect(found).toEqual([]);
  });
});

describe("the Spanish edition", () => {
  it("answers an unknown address under /es with the Spanish 404 page", async () => {
    const { page } = await openPage();
    const res = await page.goto("/es/no-existe");
    expect(res?.status()).toBe(404);
    expect(await page.getAttribute("html", "lang")).toBe("es");
    expect(await page.locator("h1").innerText()).toBe(messages.es.notFound.heading);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("links a form's confirmation to its twin, and offers nothing on the staff desk", async () => {
    const { page } = await openPage();
    await page.goto("/forms/received");
    expect(await page.getAttribute(".language-switch a", "href")).toBe("/es/forms/received");
    await page.goto("/staff/login");
    expect(await page.locator(".language-switch").count()).toBe(0);
    await page.context().close();
  });

  it.each(formPages)(
    "makes %s fetch its own form's words in its own language, and no others",
    async (path, lang, kind) => {
      const { page } = await openPage();
      const bodies: Promise<string>[] = [];
      page.on("response", (res) => {
        if (res.request().resourceType() === "script") bodies.push(res.text());
      });
      await page.goto(path, { waitUntil: "networkidle" });
      const scripts = (await Promise.all(bodies)).join("\n");
      // A whole string in the minified code, not part of a longer one.
      const ships = (phrase: string) => ["`", '"'].some((q) => scripts.includes(q + phrase + q));
      const own = phrases(formWords[lang][kind]);
      expect(own.filter((phrase) => !ships(phrase))).toEqual([]);
      const others = Object.entries(formWords).flatMap(([otherLang, byKind]) =>
        Object.entries(byKind)
          .filter(([otherKind]) => otherLang !== lang || otherKind !== kind)
          .flatMap(([, words]) => phrases(words)),
      );
      const ownSet = new Set(own);
      expect(others.filter((phrase) => !ownSet.has(phrase) && ships(phrase))).toEqual([]);
      await page.context().close();
    },
  );

  it("lists both languages in the sitemap", async () => {
    const sitemap = await (await fetch(new URL("/sitemap.xml", baseURL))).text();
    for (const { path } of spanishPages) expect(sitemap).toContain(`${path}</loc>`);
    expect(sitemap).toContain('hreflang="es"');
  });
});
