import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCents } from "../../src/shared/clinic";
import {
  estimateInputSchema,
  exampleEstimateInput,
  toQuery,
  type EstimateInput,
} from "../../src/shared/estimate-input";
import { estimateCost } from "../../src/shared/estimator";
import { expectNoAxeViolations, launch, openPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** What the page shows: every row of the visit table as text, the totals and the cash total. */
async function shownEstimate(page: Page) {
  return {
    rows: await page
      .locator(".estimate-table tbody tr")
      .evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent!.trim()))),
    patientTotal: await page.locator('.estimate-table [data-total="patient"]').innerText(),
    insurerTotal: await page.locator('.estimate-table [data-total="insurer"]').innerText(),
    selfPayTotal: await page.locator('[data-total="self-pay"]').innerText(),
    notes: await page.locator(".estimate-notes li").allInnerTexts(),
  };
}

/** The same, computed by the pure estimator the server uses. */
function expectedEstimate(input: EstimateInput) {
  const estimate = estimateCost(input);
  return {
    rows: estimate.visits.map((v) => [
      `Visit ${v.visit}`,
      v.covered ? "Yes" : "Not covered — cash price",
      ...[
        v.allowedCents,
        v.deductibleCents,
        v.copayCents,
        v.coinsuranceCents,
        v.patientCents,
        v.insurerCents,
      ].map(formatCents),
    ]),
    patientTotal: formatCents(estimate.totals.patientCents),
    insurerTotal: formatCents(estimate.totals.insurerCents),
    selfPayTotal: formatCents(estimate.selfPay.totalCents),
    notes: estimate.notes,
  };
}

const inputFromUrl = (url: string) =>
  estimateInputSchema.parse(Object.fromEntries(new URL(url).searchParams));

describe("/estimate with JavaScript", () => {
  it("recomputes as you type with the keyboard and keeps the URL in step", async () => {
    const { page } = await openPage(browser);
    await page.goto("/estimate");
    await expect.poll(() => shownEstimate(page)).toEqual(expectedEstimate(exampleEstimateInput));

    await page.locator("#estimate-visits").focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("3");
    await page.locator("#estimate-copay").focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("10");

    const changed: EstimateInput = { ...exampleEstimateInput, visits: 3, copayCents: 1000 };
    await expect.poll(() => shownEstimate(page)).toEqual(expectedEstimate(changed));
    expect(inputFromUrl(page.url())).toEqual(changed);
    expect(new URL(page.url()).searchParams.get("copay")).toBe("10");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("estimate-copay");
    expect(await page.locator("#estimate-status").innerText()).toBe(
      await page.locator("#estimate-summary").innerText(),
    );
    await page.context().close();
  });

  it("shows a problem while you type without moving focus, and clears it when fixed", async () => {
    const { page } = await openPage(browser);
    await page.goto("/estimate");
    await page.locator("#estimate-visits").focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("0");

    await expect.poll(() => page.locator("#error-summary a").getAttribute("href")).toBe("#estimate-visits");
    expect(await page.locator("#estimate-visits").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#estimate-visits").getAttribute("aria-describedby")).toContain(
      "estimate-visits-error",
    );
    expect(await page.locator(".estimate-table").count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("estimate-visits");
    expect(await page.locator("#estimate-status").innerText()).toMatch(
      /^There is a problem: Enter the number/,
    );

    await page.keyboard.press("Backspace");
    await page.keyboard.type("5");
    await expect.poll(() => page.locator(".estimate-table tbody tr").count()).toBe(5);
    expect(await page.locator("#error-summary").count()).toBe(0);
    expect(await page.locator("#estimate-visits").getAttribute("aria-invalid")).toBeNull();
    expect(new URL(page.url()).searchParams.get("visits")).toBe("5");
    await page.context().close();
  });

  it("loads only a small amount of JavaScript (under 12 KB gzipped) and shows the disclaimer", async () => {
    const { page } = await openPage(browser);
    const scriptBodies: Promise<Buffer>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scriptBodies.push(response.body());
    });
    await page.goto("/estimate", { waitUntil: "networkidle" });
    const inline = await page
      .locator("script:not([src])")
      .evaluateAll((scripts) => scripts.map((s) => s.textContent ?? ""));
    const gzipped = [...(await Promise.all(scriptBodies)), ...inline.map((s) => Buffer.from(s))].map(
      (body) => gzipSync(body).length,
    );
    const total = gzipped.reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(12 * 1024);

    const disclaimer = await page.locator("#estimate-disclaimer").innerText();
    expect(disclaimer).toContain("This is an estimate");
    expect(disclaimer).toContain("You are responsible for the cost of your care");
    await page.context().close();
  });
});

describe("/estimate without JavaScript", () => {
  it("works as a plain GET form whose result URL can be shared", async () => {
    const { page } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto("/estimate");
    await page.selectOption("#estimate-minutes", "45");
    await page.fill("#estimate-visits", "6");
    await page.check("#estimate-cpt-97140");
    await page.fill("#estimate-allowedPerUnit", "27.17");
    await page.fill("#estimate-deductibleRemaining", "50");
    await page.check("#estimate-deductibleApplies");
    await page.fill("#estimate-copay", "15");
    await page.fill("#estimate-coinsurancePercent", "10");
    await page.fill("#estimate-oopRemaining", "120");
    await page.fill("#estimate-coveredVisits", "5");
    await Promise.all([
      page.waitForURL(/\/estimate\?/),
      page.getByRole("button", { name: "Show my estimate" }).click(),
    ]);

    const typed: EstimateInput = {
      minutes: 45,
      visits: 6,
      cpt: "97140",
      allowedPerUnitCents: 2717,
      deductibleRemainingCents: 5000,
      deductibleApplies: true,
      copayCents: 1500,
      coinsurancePercent: 10,
      oopRemainingCents: 12000,
      coveredVisits: 5,
    };
    expect(inputFromUrl(page.url())).toEqual(typed);
    const shown = await shownEstimate(page);
    expect(shown).toEqual(expectedEstimate(typed));
    expect(shown.rows.at(-1)![1]).toBe("Not covered — cash price");

    const { page: shared } = await openPage(browser);
    await shared.goto(page.url());
    expect(await shownEstimate(shared)).toEqual(shown);
    await shared.context().close();
    await page.context().close();
  });
});

describe("/estimate accessibility", () => {
  it("labels the example figures and has no axe violations with results shown", async () => {
    const { page } = await openPage(browser);
    await page.goto("/estimate");
    expect(await page.locator("#estimate-results").innerText()).toContain(
      "Example figures — replace them with your plan's",
    );
    await expectNoAxeViolations(page);

    const query = toQuery({
      ...exampleEstimateInput,
      visits: 12,
      coveredVisits: 10,
      oopRemainingCents: 15000,
    });
    await page.goto(`/estimate?${query}`);
    expect(await page.locator("#estimate-results h2").innerText()).toBe("Your estimate");
    expect(await page.locator(".estimate-table caption").count()).toBe(1);
    expect(await page.locator(".estimate-table tbody th[scope=row]").first().innerText()).toBe("Visit 1");
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("summarises problems, keeps what was typed and has no axe violations", async () => {
    const { page } = await openPage(browser);
    const query = new URLSearchParams({
      ...Object.fromEntries(toQuery(exampleEstimateInput)),
      visits: "0",
      copay: "7.777",
    });
    await page.goto(`/estimate?${query}`);

    const summary = page.locator("#error-summary");
    expect(await summary.locator("h2").innerText()).toBe("There is a problem");
    expect(
      await summary.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href"))),
    ).toEqual(["#estimate-visits", "#estimate-copay"]);
    expect(await summary.innerText()).not.toContain("7.777");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("error-summary");
    expect(await page.title()).toMatch(/^Error: /);

    for (const [id, typed] of [
      ["estimate-visits", "0"],
      ["estimate-copay", "7.777"],
    ] as const) {
      const field = page.locator(`#${id}`);
      expect(await field.inputValue()).toBe(typed);
      expect(await field.getAttribute("aria-invalid")).toBe("true");
      expect(await field.getAttribute("aria-describedby")).toBe(`${id}-hint ${id}-error`);
    }
    expect(await page.locator("#estimate-copay-error").innerText()).not.toContain("7.777");
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("prints the results, the figures used and the disclaimer without the form", async () => {
    const { page } = await openPage(browser);
    await page.goto("/estimate");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#estimate-form").isVisible()).toBe(false);
    expect(await page.locator(".estimate-table").isVisible()).toBe(true);
    expect(await page.locator(".figures-used").isVisible()).toBe(true);
    expect(await page.locator("#estimate-disclaimer").isVisible()).toBe(true);
    await page.context().close();
  });
});
