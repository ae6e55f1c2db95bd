/**
 * The forms in Spanish: the prescription form completed by keyboard with Spanish errors shown,
 * sent and stored once, and its Spanish confirmation; the claim and estimate forms' Spanish
 * errors; the no-JS form shown again in Spanish with every answer kept; and no English message of
 * the forms' catalogue on any Spanish form page, in any of those states. Phone and desktop widths,
 * axe-core on every state.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formSections } from "../../src/shared/schemas/common";
import { formPagesEn } from "../../src/shared/i18n/form-pages-en";
import { formPagesEs } from "../../src/shared/i18n/form-pages-es";
import { formsEn } from "../../src/shared/i18n/forms-en";
import { formsEs } from "../../src/shared/i18n/forms-es";
import { submissionKinds } from "../../src/shared/submissions/registry";
import { expectNoAxeViolations, asNewClients } from "./browser";
import { dateParts, fillFields, prescription, storedCount, tabAndType, tabTo } from "./form-helpers";

function strings(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (node && typeof node === "object") return Object.values(node).flatMap(strings);
  return [];
}
const fieldWords = Object.values(submissionKinds).flatMap((kind) =>
  Object.values(kind.fields).flatMap((f) => [
    f.label,
    f.hint ?? "",
    ...(f.options ?? []).map((o) => o.label),
    ...Object.values(f.wordedFor?.labels ?? {}),
  ]),
);
const spanish = new Set([...strings(formsEs), ...strings(formPagesEs)]);
/** Every fixed English phrase the forms' code can put on a page. */
const englishPhrases = [
  ...new Set([...strings(formsEn), ...strings(formPagesEn), ...fieldWords, ...Object.values(formSections)]),
  // Phrases, not single words: a word such as "prescription" is also in an address (prescriptions@…).
].filter((text) => text.length >= 12 && text.includes(" ") && !spanish.has(text));

const open = asNewClients("10.5.0");

/** The page is in Spanish, shows no English phrase of the forms, and has no axe violations. */
async function expectSpanish(page: Page): Promise<void> {
  expect(await page.getAttribute("html", "lang")).toBe("es");
  const text = await page.evaluate(() => `${document.title}\n${document.body.textContent ?? ""}`);
  expect(englishPhrases.filter((phrase) => text.includes(phrase))).toEqual([]);
  await expectNoAxeViolations(page);
}

async function submitEmpty(page: Page): Promise<void> {
  await page.click("button[type=submit]");
  await page.locator("[data-error-summary]:not([hidden])").waitFor();
}

describe("the Spanish prescription form", () => {
  it.each([320, 1280])(
    "at %i px: Spanish errors on an empty send, then completed by keyboard, sent and stored once",
    async (width) => {
      const { page } = await open({ viewport: { width, height: 800 } });
      await page.goto("/es/forms/prescription");
      expect(await page.locator("h1").innerText()).toBe(formPagesEs.prescription.title);
      expect(await page.getAttribute(".language-switch a", "href")).toBe("/forms/prescription");
      await expectSpanish(page);

      await submitEmpty(page);
      expect(await page.locator(".error-summary-title").innerText()).toBe("Hay un problema");
      const summary = await page.locator("[data-error-list]").innerText();
      expect(summary).toContain(formsEs.patient.patientFirstName.missing);
      expect(summary).toContain(formsEs.prescription.sentBy);
      expect(await page.locator("[data-field=patientFirstName] .field-error").innerText()).toContain(
        formsEs.patient.patientFirstName.missing,
      );
      expect(await page.title()).toMatch(/^Error: Enviar una receta/);
      await expectSpanish(page);

      // The first choice has the group's tab stop; the arrow key chooses the next one.
      await tabTo(page, "#sentBy");
      await page.keyboard.press("ArrowDown");
      expect(await page.isChecked("#sentBy-patient")).toBe(true);
      expect(await page.locator("[data-field=preferredContact] legend").innerText()).toBe(
        "¿Cómo debemos comunicarnos con usted?",
      );
      await tabAndType(page, "patientFirstName", prescription.patientFirstName);
      await tabAndType(page, "patientLastName", prescription.patientLastName);
      for (const [part, text] of Object.entries(dateParts(prescription.dateOfBirth)))
        await tabAndType(page, `dateOfBirth-${part}`, text);
      await tabAndType(page, "phone", prescription.phone);
      await tabTo(page, "#preferredContact");
      await page.keyboard.press("Space");
      await tabAndType(page, "prescriberName", prescription.prescriberName);
      await tabTo(page, "#prescriberCredential");
      await page.keyboard.type("MD");
      await tabAndType(page, "prescriberPhone", prescription.prescriberPhone);
      for (const name of ["startDate", "endDate"] as const)
        for (const [part, text] of Object.entries(dateParts(prescription[name])))
          await tabAndType(page, `${name}-${part}`, text);
      await tabAndType(page, "visitsAuthorized", prescription.visitsAuthorized);
      await tabAndType(page, "diagnosisCodes", prescription.diagnosisCodes);
      await page.keyboard.press("Escape");
      await tabAndType(page, "focusAreas", prescription.focusAreas);
      await tabAndType(page, "insuranceCarrier", prescription.insuranceCarrier);
      await tabAndType(page, "memberId", prescription.memberId);
      await tabTo(page, "#consent");
      await page.keyboard.press("Space");
      await tabTo(page, "button[type=submit]");
      await page.keyboard.press("Enter");

      await page.waitForURL("**/es/forms/received");
      const reference = (await page.locator(".reference").innerText()).trim();
      expect(await page.locator("h1").innerText()).toBe("Recibimos los datos de la receta");
      expect(await page.locator(".receipt-lines").innerText()).toContain("Paciente");
      expect(await page.locator(".receipt-lines").innerText()).toMatch(/ de \p{L}+ de \d{4}/u);
      expect(await page.getAttribute(".language-switch a", "href")).toBe("/forms/received");
      expect(await page.locator("main ol").innerText()).toContain(formPagesEs.received.contactBack.patient);
      await expectSpanish(page);
      expect(storedCount(reference)).toBe(1);
      await page.context().close();
    },
  );
});

describe("the Spanish code search, and a prescription sent by the prescriber's office", () => {
  it.each([320, 1280])(
    "at %i px: finds a code by Spanish words, names it in English, and words the next steps for the office",
    async (width) => {
      const { page } = await open({ viewport: { width, height: 800 } });
      await page.goto("/es/forms/prescription");
      expect(await page.locator("[data-field=diagnosisCodes] .field-hint").innerText()).toContain(
        "Los nombres de los códigos están en inglés.",
      );
      await page.check("#sentBy");
      await fillFields(page, {
        senderName: "Jamie Ortiz",
        senderRole: "Asistente médica",
        senderPhone: "541-555-0142",
        patientFirstName: prescription.patientFirstName,
        patientLastName: prescription.patientLastName,
        dateOfBirth: prescription.dateOfBirth,
        phone: prescription.phone,
        prescriberName: prescription.prescriberName,
        prescriberPhone: prescription.prescriberPhone,
        startDate: prescription.startDate,
        endDate: prescription.endDate,
        visitsAuthorized: prescription.visitsAuthorized,
        focusAreas: "Cuello",
      });
      await page.check("#preferredContact");
      await page.selectOption("#prescriberCredential", "MD");
      await page.check("#consent");

      await page.locator("#diagnosisCodes").pressSequentially("dolor de cuello");
      const first = page.locator("#diagnosisCodes-listbox [role=option]").first();
      await first.waitFor();
      expect(await first.innerText()).toBe("M54.2 Cervicalgia");
      expect(await first.locator("[lang=en]").innerText()).toBe("Cervicalgia");
      expect(await page.locator("#diagnosisCodes-status").innerText()).toMatch(/códigos? encontrados?/);
      await expectSpanish(page);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      expect(await page.inputValue("#diagnosisCodes")).toBe("M54.2, ");
      expect(await page.locator("#diagnosisCodes-status").innerText()).toBe("Se agregó el código M54.2.");

      await page.click("button[type=submit]");
      await page.waitForURL("**/es/forms/received");
      const next = await page.locator("main ol").innerText();
      expect(next).toContain(formPagesEs.received.officeNextStep);
      expect(next).toContain(formPagesEs.received.contactBack.prescriber_office);
      expect(next).not.toContain(formPagesEs.received.contactBack.patient);
      await expectSpanish(page);
      await page.context().close();
    },
  );
});

describe.each([
  { path: "/es/forms/mva-claim", first: formsEs.mva.autoInsurer.missing },
  { path: "/es/forms/good-faith-estimate", first: formsEs.gfe.coverage },
])("$path", ({ path, first }) => {
  it.each([320, 1280])("renders in Spanish at %i px and shows Spanish errors", async (width) => {
    const { page } = await open({ viewport: { width, height: 800 } });
    await page.goto(path);
    await expectSpanish(page);
    await submitEmpty(page);
    expect(await page.locator(".error-summary-title").innerText()).toBe("Hay un problema");
    const summary = await page.locator("[data-error-list]").innerText();
    expect(summary).toContain(formsEs.patient.patientLastName.missing);
    expect(summary).toContain(first);
    await expectSpanish(page);
    await page.context().close();
  });
});

describe("the Spanish forms without JavaScript", () => {
  it.each([320, 1280])("at %i px: shown again in Spanish with every answer kept", async (width) => {
    // axe needs JavaScript in the page, so the post bypasses the form's script with a native submit
    // (as forms-without-js.test.ts does): what the server answers is what a no-JS browser gets.
    const { page } = await open({ viewport: { width, height: 800 } });
    await page.goto("/es/forms/mva-claim");
    await fillFields(page, { patientFirstName: "Ada", accidentDate: "13/4/2026", claimNumber: "CL-1" });
    const posted = page.waitForResponse(
      (res) => res.url().endsWith("/es/forms/mva-claim") && res.request().method() === "POST",
    );
    await page.evaluate(() =>
      document.querySelector<HTMLFormElement>("form[data-submission-form]")!.submit(),
    );
    expect((await posted).status()).toBe(422);
    await page.locator(".error-summary-title").waitFor();
    expect(await page.title()).toMatch(/^Error: Enviar los datos del reclamo/);
    expect(await page.locator(".error-summary-title").innerText()).toBe("Hay un problema");
    const summary = await page.locator("[data-error-list]").innerText();
    expect(summary).toContain("Fecha del accidente: el mes debe ser un número del 1 al 12.");
    expect(summary).toContain(formsEs.patient.patientLastName.missing);
    expect(await page.inputValue("#patientFirstName")).toBe("Ada");
    expect(await page.inputValue("#claimNumber")).toBe("CL-1");
    expect(await page.inputValue("#accidentDate-month")).toBe("13");
    await expectSpanish(page);
    await page.context().close();
  });
});
