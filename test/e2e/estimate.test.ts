import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatCents } from "../../src/shared/clinic";
import { parseEstimateQuery, type EstimateInput } from "../../src/shared/estimate-input";
import { exampleEstimateInput, toQuery } from "../../src/shared/estimate-link";
import { estimateCost } from "../../src/shared/estimator";
import { expectNoAxeViolations, openPage } from "./browser";

/** What the page shows as the answer: the total or range, the table's totals and the notes. */
async function shownEstimate(page: Page) {
  return {
    figure: await page.locator("#estimate-figure").innerText(),
    patientTotal: await page.locator('.estimate-table [data-total="patient"]').innerText(),
    selfPayTotal: await page.locator('[data-total="self-pay"]').innerText(),
    notes: await page.locator(".estimate-notes li").allInnerTexts(),
  };
}

/** The same, computed by the pure estimator the server uses. */
function expectedEstimate(input: EstimateInput) {
  const { range, totals, selfPay, notes } = estimateCost(input);
  return {
    figure:
      range.lowCents === range.highCents
        ? formatCents(range.highCents)
        : `${formatCents(range.lowCents)} to ${formatCents(range.highCents)}`,
    patientTotal: formatCents(totals.patientCents),
    selfPayTotal: formatCents(selfPay.totalCents),
    notes,
  };
}

function inputFromUrl(url: string): EstimateInput {
  const parsed = parseEstimateQuery(new URL(url).searchParams);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return parsed.data;
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id);

/** Each way of paying, with what a patient types for it (field id → text) and what it must show. */
const patients = [
  {
    coverage: "in_network",
    fields: { visits: "8", allowedPerVisit: "100", deductibleRemaining: "500", coinsurancePercent: "20" },
    figure: "$560.00",
  },
  {
    coverage: "out_of_network",
    fields: { visits: "8", allowedPerUnit: "20", deductibleRemaining: "1,000", coinsurancePercent: "40" },
    figure: "$960.00",
  },
  {
    coverage: "pip",
    fields: { visits: "12", startDate: "2026-11-02", accidentDate: "2026-10-01" },
    figure: "$0.00",
  },
  { coverage: "medicare", fields: { visits: "8" }, figure: "$960.00" },
  { coverage: "self_pay", fields: { visits: "3" }, figure: "$360.00" },
] as const;

async function fillFor(page: Page, patient: (typeof patients)[number]) {
  await page.check(`#estimate-coverage${patient.coverage === "in_network" ? "" : `-${patient.coverage}`}`);
  // The example's plan figures are replaced, as a patient would, so only these are sent.
  for (const id of ["allowedPerUnit", "allowedPerVisit", "deductibleRemaining", "coinsurancePercent"]) {
    const field = page.locator(`#estimate-${id}`);
    if (await field.isEditable()) await field.fill("");
  }
  for (const [id, text] of Object.entries(patient.fields)) await page.fill(`#estimate-${id}`, text);
  if (patient.coverage === "in_network" || patient.coverage === "out_of_network") {
    await page.check("#estimate-deductibleApplies");
  }
}

describe("/estimate with JavaScript", () => {
  for (const patient of patients) {
    it(`shows only what ${patient.coverage} needs, and lands on the answer with focus`, async () => {
      const { page } = await openPage();
      await page.goto("/estimate");
      await fillFor(page, patient);
      const planShown = await page.locator("#estimate-copay").isVisible();
      expect(planShown).toBe(patient.coverage === "in_network" || patient.coverage === "out_of_network");
      expect(await page.locator("#estimate-accidentDate").isVisible()).toBe(patient.coverage === "pip");

      await page.getByRole("button", { name: "Show my estimate" }).click();
      await expect.poll(() => page.locator("#estimate-figure").innerText()).toBe(patient.figure);
      await expect.poll(() => activeId(page)).toBe("estimate-answer");
      const input = inputFromUrl(page.url());
      expect(input.coverage).toBe(patient.coverage);
      expect(await shownEstimate(page)).toEqual(expectedEstimate(input));
      await page.context().close();
    });
  }

  it("updates when you leave a field or pause, not on each keystroke, and announces once", async () => {
    const { page } = await openPage();
    await page.goto("/estimate");
    await expect.poll(() => shownEstimate(page)).toEqual(expectedEstimate(exampleEstimateInput));
    await page.evaluate(() => {
      const status = document.getElementById("estimate-status")!;
      (window as unknown as { announced: string[] }).announced = [];
      new MutationObserver(() =>
        (window as unknown as { announced: string[] }).announced.push(status.textContent ?? ""),
      ).observe(status, { childList: true, characterData: true, subtree: true });
    });

    let fetches = 0;
    page.on("request", (request) => {
      if (request.url().includes("/estimate?")) fetches++;
    });
    await page.locator("#estimate-visits").focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("12", { delay: 50 });
    await page.keyboard.press("Tab");

    const changed: EstimateInput = { ...exampleEstimateInput, visits: 12 };
    await expect.poll(() => shownEstimate(page)).toEqual(expectedEstimate(changed));
    expect(fetches).toBe(1);
    expect(inputFromUrl(page.url())).toEqual(changed);
    expect(await activeId(page)).not.toBe("estimate-visits");
    const announced = await page.evaluate(() => (window as unknown as { announced: string[] }).announced);
    expect(announced).toEqual([await page.locator("#estimate-summary").innerText()]);

    // A pause while typing updates too, with focus left where it is.
    await page.locator("#estimate-coinsurancePercent").focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("30");
    await expect.poll(() => inputFromUrl(page.url()).coinsurancePercent, { timeout: 5000 }).toBe(30);
    expect(await activeId(page)).toBe("estimate-coinsurancePercent");
    await page.context().close();
  });

  it("shows a problem without moving focus, and clears it when fixed", async () => {
    const { page } = await openPage();
    await page.goto("/estimate");
    await page.locator("#estimate-visits").focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("0");

    // The pause after typing (1 s) has to pass before the page checks the field.
    await expect
      .poll(() => page.locator("#error-summary a").getAttribute("href"), { timeout: 5000 })
      .toBe("#estimate-visits");
    expect(await page.locator("#estimate-visits").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(".estimate-table").count()).toBe(0);
    expect(await activeId(page)).toBe("estimate-visits");
    expect(await page.locator("#estimate-status").innerText()).toMatch(
      /^There is a problem: Enter the number/,
    );

    await page.keyboard.press("Backspace");
    await page.keyboard.type("5");
    await page.keyboard.press("Tab");
    await expect.poll(() => page.locator("#error-summary").count()).toBe(0);
    expect(await page.locator("#estimate-visits").getAttribute("aria-invalid")).toBeNull();
    expect(new URL(page.url()).searchParams.get("visits")).toBe("5");
    await page.context().close();
  });

  it("loads only a small amount of JavaScript (under 12 KB gzipped) and shows the disclaimer", async () => {
    const { page } = await openPage();
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
  for (const patient of patients) {
    it(`works as a plain GET form for ${patient.coverage} and lands on the answer`, async () => {
      const { page } = await openPage({ javaScriptEnabled: false });
      await page.goto("/estimate");
      for (const legend of [
        "Your visits",
        "If you use a health plan: your plan's figures",
        "If you were in a car accident: your PIP",
      ]) {
        expect(await page.getByRole("group", { name: legend, exact: true }).isVisible()).toBe(true);
      }
      await fillFor(page, patient);
      await Promise.all([
        page.waitForURL(/\/estimate\?.*#estimate-answer$/),
        page.getByRole("button", { name: "Show my estimate" }).click(),
      ]);

      expect(await page.locator("#estimate-figure").innerText()).toBe(patient.figure);
      expect(await shownEstimate(page)).toEqual(expectedEstimate(inputFromUrl(page.url())));
      // Chromium focuses a focusable fragment target, so the answer has focus even without JavaScript,
      // and it is at the top of the window, before the table.
      expect(await activeId(page)).toBe("estimate-answer");
      const top = await page.locator("#estimate-answer").evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(100);
      await page.context().close();
    });
  }

  it("gives a shared link the same answer with or without JavaScript", async () => {
    const query =
      "minutes=60&visits=12&startDate=2026-11-20&deductibleRemaining=0&deductibleAnnual=1000&coinsurancePercent=20&allowedPerUnit=25";
    const { page } = await openPage({ javaScriptEnabled: false });
    await page.goto(`/estimate?${query}`);
    const { page: withJs } = await openPage();
    await withJs.goto(`/estimate?${query}`);
    expect(await shownEstimate(withJs)).toEqual(await shownEstimate(page));
    expect(await page.locator("#estimate-figure").innerText()).toBe("$720.00");
    await withJs.context().close();
    await page.context().close();
  });
});

const worstCase =
  "minutes=240&visits=104&allowedPerUnit=25&deductibleRemaining=unknown&deductibleAnnual=1000&deductibleApplies=unknown&coinsurancePercent=20&oopRemaining=1500&coveredVisits=60&startDate=2026-11-02&benefitLimitRemaining=3000";

describe("/estimate on a phone (320 px)", () => {
  it("reads the per-visit table without sideways scrolling, with identical visits grouped", async () => {
    const { page } = await openPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`/estimate?${worstCase}`);
    const rows = await page.locator(".estimate-table tbody tr").count();
    expect(rows).toBeLessThan(30);
    expect(await page.locator(".estimate-table tbody th").first().innerText()).toBe("Visits 1–2");
    const overflow = await page.evaluate(() => {
      const region = document.querySelector(".estimate-table")!.parentElement!;
      return {
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        table: region.scrollWidth - region.clientWidth,
      };
    });
    expect(overflow).toEqual({ page: 0, table: 0 });
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});

describe("/estimate accessibility", () => {
  it("labels the example figures and has no axe violations with results shown", async () => {
    const { page } = await openPage();
    await page.goto("/estimate");
    expect(await page.locator("#estimate-results").innerText()).toContain(
      "Example figures — replace them with yours",
    );
    await expectNoAxeViolations(page);

    for (const query of [
      toQuery({
        ...exampleEstimateInput,
        visits: 12,
        coveredVisits: 10,
        oopRemainingCents: 15000,
      }).toString(),
      "coverage=pip&minutes=60&visits=8&startDate=2026-11-02&accidentDate=2024-12-01&pipRemaining=500",
      "coverage=medicare&minutes=45&visits=4",
    ]) {
      await page.goto(`/estimate?${query}`);
      expect(await page.locator("#estimate-results h2").innerText()).toBe("Your estimate");
      expect(await page.locator(".estimate-table caption").count()).toBe(1);
      await expectNoAxeViolations(page);
    }
    await page.context().close();
  });

  it("summarises problems, keeps what was typed and has no axe violations", async () => {
    const { page } = await openPage();
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
    expect(await activeId(page)).toBe("error-summary");
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
    await expectNoAxeViolations(page);

    // A field given twice is a problem on the page too, as on the API.
    await page.goto(`/estimate?${query}&visits=3`);
    expect(await summary.innerText()).toContain("Give only one answer for the number of visits.");
    await page.context().close();
  });

  it("prints the results, the figures used and the disclaimer without the form", async () => {
    const { page } = await openPage();
    await page.goto("/estimate");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#estimate-form").isVisible()).toBe(false);
    expect(await page.locator(".estimate-table").isVisible()).toBe(true);
    expect(await page.locator(".figures-used").isVisible()).toBe(true);
    expect(await page.locator("#estimate-disclaimer").isVisible()).toBe(true);
    await page.context().close();
  });
});
