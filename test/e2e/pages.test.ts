import { describe, expect, it } from "vitest";
import { pageOnlyHeaders, pageSecurityHeaders } from "../../src/shared/security-headers";
import { publicPages } from "../../src/shared/site-pages";
import { baseURL, expectNoAxeViolations, openPage } from "./browser";

const pages = publicPages.map((p) => p.path);

describe.each(pages)("page %s", (path) => {
  it("loads with one heading, landmarks, a skip link and no axe violations", async () => {
    const { page, requests } = await openPage();
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    await expect.poll(() => page.locator("h1").count()).toBe(1);
    expect(await page.locator("h1").innerText()).not.toBe("");
    expect(await page.locator("header").count()).toBeGreaterThan(0);
    expect(await page.locator("nav[aria-label=Main]").count()).toBe(1);
    expect(await page.locator("main#main").count()).toBe(1);
    expect(await page.locator("footer").innerText()).toContain("227 NE Hillcrest Drive");
    expect(await page.locator("a.skip-link").getAttribute("href")).toBe("#main");
    await expectNoAxeViolations(page);
    const offsite = requests.filter((url) => new URL(url).hostname !== "localhost");
    expect(offsite).toEqual([]);
    await page.context().close();
  });

  it("fits a 320 px wide phone screen without sideways scrolling", async () => {
    const { page } = await openPage({ viewport: { width: 320, height: 640 } });
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it("is served with the security headers", async () => {
    const res = await fetch(new URL(path, baseURL));
    for (const [name, value] of Object.entries(pageSecurityHeaders)) {
      if (name === "Content-Security-Policy") expect(res.headers.get(name), name).toContain(value);
      else expect(res.headers.get(name), name).toBe(value);
    }
    // Astro's hash-based script policy: a <meta> on static pages, a header on on-demand ones.
    const html = await res.text();
    const metaCsp = /http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
    const scriptPolicy = metaCsp ?? res.headers.get("content-security-policy") ?? "";
    expect(scriptPolicy).toMatch(/script-src 'self'/);
    expect(scriptPolicy).not.toContain("unsafe-inline");
  });
});

describe("site-wide", () => {
  it("serves a page's scripts cached for a year, without the headers only a page obeys", async () => {
    const html = await (await fetch(new URL("/forms/prescription", baseURL))).text();
    const scripts = [...html.matchAll(/src="(\/_astro\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const res = await fetch(new URL(src, baseURL));
      expect(res.status, src).toBe(200);
      expect(res.headers.get("cache-control"), src).toBe("public, max-age=31536000, immutable");
      for (const [name, value] of Object.entries(pageSecurityHeaders)) {
        const pageOnly = (pageOnlyHeaders as readonly string[]).includes(name);
        expect(res.headers.get(name), `${src} ${name}`).toBe(pageOnly ? null : value);
      }
    }
  });

  it("has no broken internal links", async () => {
    const seen = new Set<string>();
    const queue = ["/"];
    const broken: string[] = [];
    while (queue.length) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const res = await fetch(new URL(path, baseURL));
      if (res.status !== 200) {
        broken.push(`${path} → ${res.status}`);
        continue;
      }
      const html = await res.text();
      for (const [, href] of html.matchAll(/href="([^"]+)"/g)) {
        const url = new URL(href!, new URL(path, baseURL));
        if (url.origin !== baseURL || url.pathname.startsWith("/_astro/")) continue;
        if (url.hash && url.pathname === new URL(path, baseURL).pathname) {
          expect(html, `anchor ${href} on ${path}`).toContain(`id="${url.hash.slice(1)}"`);
        }
        queue.push(url.pathname + url.search);
      }
    }
    expect(broken).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(pages.length);
  });

  it("answers an unknown page with the 404 page", async () => {
    const { page } = await openPage();
    const res = await page.goto("/no-such-page");
    expect(res?.status()).toBe(404);
    expect(await page.locator("h1").innerText()).toMatch(/can.t find/i);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("prints the insurance checklist without the navigation", async () => {
    const { page } = await openPage();
    await page.goto("/insurance");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#checklist").isVisible()).toBe(true);
    expect(await page.locator("#checklist li").count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator("nav[aria-label=Main]").isVisible()).toBe(false);
    const pdf = await page.pdf({ format: "Letter" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.context().close();
  });

  it("serves robots.txt, a sitemap of every public page and the favicon", async () => {
    const robots = await (await fetch(new URL("/robots.txt", baseURL))).text();
    expect(robots).toMatch(/Sitemap: https?:\/\/.+\/sitemap\.xml/);
    const sitemap = await (await fetch(new URL("/sitemap.xml", baseURL))).text();
    for (const path of pages) expect(sitemap).toContain(`${path === "/" ? "/" : path}</loc>`);
    expect((await fetch(new URL("/favicon.svg", baseURL))).status).toBe(200);
  });
});
