/**
 * Reaching the clinic (issue #14, point 1): with the contact and visit settings of `.env.example`
 * (the build `npm test` makes), every public page offers a working phone link, email and fax at
 * the top, at phone and desktop widths; the forms speak to their own audience; the home page's
 * "How to schedule" is on the first screen of a phone; the visit details appear where patients
 * look for them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { publicPages } from "../../src/shared/site-pages";
import { spanishTwin, visitSettings } from "../../src/shared/visit-settings";
import { expectNoAxeViolations, openPage } from "./browser";

const settings = parseEnv(readFileSync(path.resolve(import.meta.dirname, "../../.env.example"), "utf8"));
const phone = settings.PUBLIC_CLINIC_PHONE!;
const telLink = `tel:${phone.replace(/\D/g, "")}`;

const widths = [
  { width: 320, height: 640 },
  { width: 1280, height: 800 },
] as const;

/** The element's box, scrolled to the top of the page. */
async function box(page: Page, selector: string) {
  const found = await page.locator(selector).first().boundingBox();
  expect(found, selector).not.toBeNull();
  return found!;
}

describe.each(widths)("at $width px", (viewport) => {
  it.each(publicPages.map((p) => p.path))(
    "%s has a call link, the email and the fax on the first screen",
    async (pagePath) => {
      const { page } = await openPage({ viewport });
      await page.goto(pagePath);
      const strip = page.locator("header [aria-label='Contact us']");
      const call = strip.locator(`a[href="${telLink}"]`);
      expect(await call.innerText()).toBe(`Call ${phone}`);
      expect(await strip.locator(`a[href="mailto:${settings.PUBLIC_CLINIC_EMAIL}"]`).count()).toBe(1);
      expect(await strip.innerText()).toContain(`Fax ${settings.PUBLIC_CLINIC_FAX}`);
      for (const link of await strip.locator("a").all()) {
        const target = (await link.boundingBox())!;
        // WCAG 2.2 target size (minimum): 24 by 24 CSS pixels, on the first screen.
        expect(target.height).toBeGreaterThanOrEqual(24);
        expect(target.width).toBeGreaterThanOrEqual(24);
        expect(target.y + target.height).toBeLessThanOrEqual(viewport.height);
      }
      await expectNoAxeViolations(page);
      await page.context().close();
    },
  );

  it("the home page shows how to schedule, with the phone, on the first screen", async () => {
    const { page } = await openPage({ viewport });
    await page.goto("/");
    const heading = await box(page, "#how-to-schedule");
    expect(await page.locator("#how-to-schedule").innerText()).toBe("How to schedule");
    const call = await box(page, `main section[aria-labelledby=how-to-schedule] a[href="${telLink}"]`);
    expect(heading.y).toBeLessThan(call.y);
    expect(call.y + call.height).toBeLessThanOrEqual(viewport.height);
    await page.context().close();
  });

  it("the prescription form gives prescribers' offices the fax and the prescription email", async () => {
    const { page } = await openPage({ viewport });
    await page.goto("/forms/prescription");
    const callout = page.locator("main .callout", { hasText: "Prescribers' offices" });
    expect(await callout.innerText()).toBe(
      `Prescribers' offices: fax the signed prescription to ${settings.PUBLIC_CLINIC_FAX} or email it to ${settings.PUBLIC_PRESCRIPTION_EMAIL}.`,
    );
    expect(await callout.locator("a").getAttribute("href")).toBe(
      `mailto:${settings.PUBLIC_PRESCRIPTION_EMAIL}`,
    );
    // Before the form itself.
    expect((await callout.boundingBox())!.y).toBeLessThan((await box(page, "main form")).y);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("the car accident claim form offers the phone for questions and says what to bring", async () => {
    const { page } = await openPage({ viewport });
    await page.goto("/forms/mva-claim");
    const callout = page.locator("main .callout", { hasText: "Questions about your claim" });
    expect(await callout.innerText()).toBe(`Questions about your claim or this form? Call us at ${phone}.`);
    expect(await callout.locator("a").getAttribute("href")).toBe(telLink);
    const bring = page.locator("main section", { hasText: "What to bring to your visit" });
    expect(await bring.innerText()).toContain(settings.PUBLIC_WHAT_TO_BRING!);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("the home page has a 'Visiting us' section with hours, parking, access and what to bring", async () => {
    const { page } = await openPage({ viewport });
    await page.goto("/");
    const visiting = page.locator("section[aria-labelledby=visit-details]");
    expect(await visiting.locator("h2").innerText()).toBe("Visiting us");
    expect(await visiting.locator("h3").allInnerTexts()).toEqual([
      "Opening hours",
      "Parking",
      "Step-free access",
      "What to bring to your visit",
      "If you need to cancel or change a visit",
    ]);
    const text = await visiting.innerText();
    for (const name of [
      "PUBLIC_CLINIC_HOURS",
      "PUBLIC_CLINIC_PARKING",
      "PUBLIC_CLINIC_ACCESS",
      "PUBLIC_WHAT_TO_BRING",
      "PUBLIC_CANCELLATION_POLICY",
    ])
      expect(text).toContain(settings[name]);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("the Spanish pages show the visit details from their _ES settings, in Spanish", async () => {
    const { page } = await openPage({ viewport });
    await page.goto("/es");
    const visiting = page.locator("section[aria-labelledby=visit-details]");
    const text = await visiting.innerText();
    for (const topic of Object.values(visitSettings))
      expect(text).toContain(settings[spanishTwin(topic.name)]);
    // Every twin is set, so nothing there is marked as English.
    expect(await visiting.locator("[lang]").count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.goto("/es/pricing");
    expect(await page.locator("section[aria-labelledby=visit-cancellationPolicy] p").innerText()).toBe(
      settings.PUBLIC_CANCELLATION_POLICY_ES,
    );
    await page.goto("/es/forms/mva-claim");
    expect(await page.locator("section[aria-labelledby=visit-whatToBring] p").innerText()).toBe(
      settings.PUBLIC_WHAT_TO_BRING_ES,
    );
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("the pricing page states the cancellation policy", async () => {
    const { page } = await openPage({ viewport });
    await page.goto("/pricing");
    const section = page.locator("section[aria-labelledby=visit-cancellationPolicy]");
    expect(await section.locator("h2").innerText()).toBe("If you need to cancel or change a visit");
    expect(await section.locator("p").innerText()).toBe(settings.PUBLIC_CANCELLATION_POLICY);
    await page.context().close();
  });
});
