/**
 * The Spanish cost estimator gives the same numbers as the English one for the same answers, with
 * and without JavaScript, and says everything in Spanish: notes, table words and field errors.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { parseEstimateQuery } from "../../src/shared/estimate-input";
import { estimateCost } from "../../src/shared/estimator";
import { clinic } from "../../src/shared/clinic";
import { messages } from "../../src/shared/i18n/messages";
import { expectNoAxeViolations, openPage } from "./browser";

/** The figures a page shows: every money amount of the answer, the visit table and the cash table. */
async function figures(page: Page): Promise<string[]> {
  const answer = await page.locator("#estimate-figure").innerText();
  const cells = await page
    .locator("#estimate-results td.num, #estimate-results [data-total]")
    .allInnerTexts();
  return [
    ...answer.matchAll(/\$[\d,]+\.\d\d/g),
    ...cells.flatMap((c) => [...c.matchAll(/\$[\d,]+\.\d\d/g)]),
  ].map((m) => m[0]);
}

const cases = {
  "in network, deductible not known":
    "coverage=in_network&minutes=60&visits=12&allowedPerUnit=25&deductibleRemaining=unknown&deductibleAnnual=1000&deductibleApplies=unknown&coinsurancePercent=20&oopRemaining=1500&coveredVisits=10",
  "out of network, new plan year":
    "coverage=out_of_network&minutes=45&visits=20&startDate=2026-11-02&allowedPerVisit=70&deductibleRemaining=300&copay=15&coinsurancePercent=30&planYearStart=01-01",
  "car accident, PIP runs out":
    "coverage=pip&minutes=60&visits=30&startDate=2026-03-02&accidentDate=2024-05-01&pipRemaining=3000",
  medicare: "coverage=medicare&minutes=90&visits=6",
};

describe("the Spanish estimator", () => {
  it.each(Object.entries(cases))("shows the English numbers, with Spanish notes: %s", async (_, query) => {
    // axe runs in the page, so this context has JavaScript; the page renders the answer on the server.
    const { page } = await openPage();
    await page.goto(`/estimate?${query}`);
    const english = await figures(page);
    await page.goto(`/es/estimate?${query}`);
    expect(await page.getAttribute("html", "lang")).toBe("es");
    expect(await figures(page)).toEqual(english);
    expect(english.length).toBeGreaterThan(3);
    const parsed = parseEstimateQuery(new URLSearchParams(query), "es");
    if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
    expect(await page.locator(".estimate-notes li").allInnerTexts()).toEqual(
      estimateCost(parsed.data, clinic, "es").notes,
    );
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("works without JavaScript: the form sends to the Spanish page", async () => {
    const { page } = await openPage({ javaScriptEnabled: false });
    await page.goto("/es/estimate");
    await page.fill("#estimate-visits", "10");
    await page.click("button[type=submit]");
    expect(new URL(page.url()).pathname).toBe("/es/estimate");
    const spanish = await figures(page);
    await page.goto(`/estimate${new URL(page.url()).search}`);
    expect(await figures(page)).toEqual(spanish);
    await page.context().close();
  });

  it("updates live with JavaScript, staying in Spanish", async () => {
    const { page } = await openPage();
    await page.goto("/es/estimate");
    await page.locator("#estimate-visits").fill("12");
    await page.keyboard.press("Tab");
    await expect.poll(() => new URL(page.url()).searchParams.get("visits")).toBe("12");
    await expect
      .poll(() => page.locator("#estimate-results-heading").innerText())
      .toBe(messages.es.estimator.results.yours);
    const spanish = await figures(page);
    const { page: english } = await openPage({ javaScriptEnabled: false });
    await english.goto(`/estimate${new URL(page.url()).search}`);
    expect(spanish).toEqual(await figures(english));
    await english.context().close();
    await page.context().close();
  });

  it("names each problem in Spanish", async () => {
    const { page } = await openPage();
    await page.goto("/es/estimate?coverage=pip&minutes=7&visits=x&copay=1,50");
    const t = messages.es.estimator;
    expect(await page.locator(".error-summary-title").innerText()).toBe(t.errorSummaryTitle);
    expect(await page.locator("#error-summary li").allInnerTexts()).toEqual([
      t.input.minutes,
      t.input.visits,
      t.input.pipStart,
      t.input.commas,
      t.input.pipAccident,
    ]);
    expect(await page.title()).toMatch(/^Error: /);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
