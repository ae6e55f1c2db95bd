import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clinic } from "../../src/shared/clinic";
import { addDays, addYears } from "../../src/shared/dates";
import {
  addBusinessDays,
  businessDaysBetween,
  careFrequencies,
  estimateDueDate,
  estimateSections,
  isBusinessDay,
  itemizeCare,
  planCare,
  type CareFrequency,
  type GoodFaithEstimateDocument,
} from "../../src/shared/good-faith-estimate";

const care = planCare({ start: "2027-01-11", frequency: "weekly", visits: 8 });
const item = itemizeCare({ cpt: "97124", minutes: 60, visits: care.visits });
const doc: GoodFaithEstimateDocument = {
  reference: "GFE-2027-ABC234",
  issuedAt: "2027-01-05T18:00:00.000Z",
  issuedOn: "2027-01-05",
  issuedBy: "Desk",
  patient: { firstName: "Ana", lastName: "Diaz", dateOfBirth: "1985-05-05" },
  description: "Massage therapy for low back pain, 60-minute sessions once a week.",
  items: [item],
  totalCents: item.totalCents,
  diagnoses: [{ code: "M54.50", description: "Low back pain, unspecified" }],
  care,
  provider: {
    name: "Hillcrest Massage Therapy",
    legalName: "Hillcrest Massage Therapy LLC",
    npi: "1234567893",
    tin: "12-3456789",
    address: "227 NE Hillcrest Drive, Grants Pass, Oregon 97526",
  },
  replaces: null,
};
const text = estimateSections(doc)
  .flatMap((s) => [s.heading, ...s.lines])
  .join("\n");

describe("an issued estimate holds every element 45 CFR 149.610(c) requires", () => {
  it("the patient's name", () => expect(text).toContain("Name: Ana Diaz"));
  it("the patient's date of birth", () => expect(text).toContain("Date of birth: 5/5/1985"));
  it("a plain description of the care", () => expect(text).toContain(doc.description));
  it("an itemized list with CPT code, units, visits, unit and total charge from the clinic's rate", () => {
    expect(item).toEqual({
      cpt: "97124",
      service: "Massage therapy",
      units: 4,
      visits: 8,
      unitCents: clinic.cashRatePerUnitCents,
      perVisitCents: 4 * clinic.cashRatePerUnitCents,
      totalCents: 32 * clinic.cashRatePerUnitCents,
    });
  });
  it("diagnosis codes when known", () => expect(text).toContain("M54.50: Low back pain"));
  it("says none are known otherwise", () =>
    expect(estimateSections({ ...doc, diagnoses: [] }).flatMap((s) => s.lines)).toContain(
      "None known when this estimate was made.",
    ));
  it("the provider's name and location", () => {
    expect(text).toContain("Hillcrest Massage Therapy LLC (Hillcrest Massage Therapy)");
    expect(text).toContain("Location: 227 NE Hillcrest Drive, Grants Pass, Oregon 97526");
  });
  it("the provider's NPI", () => expect(text).toContain("(NPI): 1234567893"));
  it("the provider's TIN", () => expect(text).toContain("(TIN): 12-3456789"));
  it("the date issued", () => expect(text).toContain("Date issued: 1/5/2027"));
  it("the dates of care", () => expect(text).toContain("Dates of care: 1/11/2027 to 3/1/2027"));
  it("that it is an estimate, not a contract", () => expect(text).toMatch(/an estimate, not a contract/));
  it("that it does not require the patient to get the care", () =>
    expect(text).toContain("It does not require you to get the care listed"));
  it("that other items or services may be recommended and estimated separately", () =>
    expect(text).toMatch(/Other items or services may be recommended.*estimated separately/));
  it("the right to dispute a bill $400 or more above it, within 120 days of the bill", () => {
    expect(text).toMatch(/billed \$400\.00 or more above this estimate/);
    expect(text).toContain("within 120 calendar days of the date on the bill");
  });
  it("how to dispute: the federal patient-provider dispute resolution process, at cms.gov/nosurprises", () => {
    expect(text).toContain("federal patient-provider dispute resolution process");
    expect(text).toContain("https://www.cms.gov/nosurprises");
  });
  it("that disputing will not affect care", () => expect(text).toContain("will not affect the care"));
  it("that the estimate is not needed to receive care", () =>
    expect(text).toContain("You do not need this estimate to receive care"));
  it("names the estimate it replaces", () =>
    expect(estimateSections({ ...doc, replaces: "GFE-2026-XYZ234" }).flatMap((s) => s.lines)).toContain(
      "This estimate replaces estimate GFE-2026-XYZ234.",
    ));
});

const isoDay = fc.integer({ min: 0, max: 3650 }).map((n) => addDays("2025-01-01", n));
const frequency = fc.constantFrom(...(Object.keys(careFrequencies) as CareFrequency[]));

describe("the 12-month rule for recurring care", () => {
  it("never counts a visit 12 months or more after the start, nor more than asked", () => {
    fc.assert(
      fc.property(isoDay, frequency, fc.integer({ min: 1, max: 400 }), (start, f, visits) => {
        const plan = planCare({ start, frequency: f, visits });
        expect(plan.lastDate < addYears(start, 1)).toBe(true);
        expect(plan.visits).toBeLessThanOrEqual(f === "once" ? 1 : visits);
        expect(plan.visits).toBeGreaterThanOrEqual(1);
        if (plan.visits < visits && f !== "once") expect(plan.limitedBy).toBe("twelve_months");
      }),
    );
  });
  it("counts the 53 weekly dates and 12 monthly dates that fall within one year", () => {
    expect(planCare({ start: "2027-01-04", frequency: "weekly", visits: 104 })).toMatchObject({
      visits: 53,
      lastDate: "2028-01-03",
      limitedBy: "twelve_months",
    });
    expect(planCare({ start: "2027-01-04", frequency: "monthly", visits: 20 }).visits).toBe(12);
  });
  it("stops at the end date asked for", () => {
    expect(
      planCare({ start: "2027-01-04", frequency: "weekly", visits: 10, until: "2027-01-25" }),
    ).toMatchObject({ visits: 4, limitedBy: "until_date" });
  });
  it("the total is units × rate × visits, in whole cents", () => {
    fc.assert(
      fc.property(fc.constantFrom(...clinic.sessionLengths), fc.integer({ min: 1, max: 104 }), (m, v) => {
        const line = itemizeCare({ cpt: "97140", minutes: m, visits: v });
        expect(line.totalCents).toBe(line.units * line.unitCents * v);
        expect(Number.isInteger(line.totalCents)).toBe(true);
      }),
    );
  });
});

describe("due dates in business days (weekends skipped; holidays not handled)", () => {
  it("a request on a Friday is due the next Wednesday", () =>
    expect(estimateDueDate({ requestedOn: "2026-12-04" })).toBe("2026-12-09"));
  it("a request on a Saturday or Sunday is due the Wednesday after", () => {
    expect(estimateDueDate({ requestedOn: "2026-12-05" })).toBe("2026-12-09");
    expect(estimateDueDate({ requestedOn: "2026-12-06" })).toBe("2026-12-09");
  });
  it("a request on a Monday is due Thursday", () =>
    expect(estimateDueDate({ requestedOn: "2026-12-07" })).toBe("2026-12-10"));
  it("scheduled at least 10 business days ahead: 3 business days", () =>
    expect(estimateDueDate({ scheduledOn: "2026-12-04", careStartsOn: "2026-12-18" })).toBe("2026-12-09"));
  it("scheduled 3 to 9 business days ahead: 1 business day (Friday → Monday)", () =>
    expect(estimateDueDate({ scheduledOn: "2026-12-04", careStartsOn: "2026-12-09" })).toBe("2026-12-07"));
  it("scheduled fewer than 3 business days ahead: no deadline", () =>
    expect(estimateDueDate({ scheduledOn: "2026-12-04", careStartsOn: "2026-12-08" })).toBeNull());
  it("a due date is always a business day, n business days on", () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 1, max: 20 }), (day, n) => {
        const due = addBusinessDays(day, n);
        expect(isBusinessDay(due)).toBe(true);
        expect(businessDaysBetween(day, due)).toBe(n);
      }),
    );
  });
});
