import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "../../src/shared/dates";
import { withDateParts } from "../../src/shared/schemas/builders";
import { mvaClaimSchema } from "../../src/shared/schemas/mva-claim";
import { kindSpec } from "../../src/shared/submissions/registry";
import { readFrequency, visitsFitNotice, visitsThatFit } from "../../src/shared/submissions/form-rules";
import { issues, prescriptionForm, rx, today } from "../fixtures/schema-forms";
import { formsEn } from "../../src/shared/i18n/forms-en";

/** The form's three boxes for one date, as a no-JavaScript post sends them. */
function parts(name: string, month: string, day: string, year: string): Record<string, string> {
  return { [`${name}-month`]: month, [`${name}-day`]: day, [`${name}-year`]: year };
}

describe("who is filling in the prescription form", () => {
  const office = {
    sentBy: "prescriber_office",
    senderName: "Jamie Ortiz",
    senderRole: "Medical assistant",
    senderPhone: "541-555-0100 x12",
  };

  it("must be answered first: the prescriber's office or the patient", () => {
    expect(issues(rx({ sentBy: "" })).sentBy).toBe(
      "Choose who is filling in this form: the prescriber's office or the patient.",
    );
    expect(issues(rx({ sentBy: "doctor" })).sentBy).toMatch(/prescriber's office or the patient/);
  });

  it("needs the sender's name, role and phone when the office sends it", () => {
    expect(issues(rx({ sentBy: "prescriber_office" }))).toEqual({
      senderName: "Enter your name, so we know who at the prescriber's office sent this form.",
      senderRole: "Enter your role at the prescriber's office, for example medical assistant.",
      senderPhone:
        "Enter your phone number at the office, for example (541) 555-0123 x45, so we can call you back.",
    });
    const sent = rx(office);
    expect(sent.success).toBe(true);
    expect(sent.data).toMatchObject({ senderName: "Jamie Ortiz", senderPhone: "(541) 555-0100 ext. 12" });
    expect(issues(rx({ ...office, senderPhone: "555-0100" })).senderPhone).toMatch(/10-digit US number/);
  });

  it("lets the office leave the insurance for staff to collect, and asks the patient for it", () => {
    const fromOffice = rx({ ...office, insuranceCarrier: "", memberId: "" });
    expect(fromOffice.success).toBe(true);
    expect(fromOffice.data?.insuranceCarrier).toBeUndefined();
    expect(issues(rx({ insuranceCarrier: "", memberId: " " }))).toEqual({
      insuranceCarrier: "Enter the name of your health insurance company.",
      memberId: "Enter the member ID from your insurance card.",
    });
  });

  it("shows staff and the export that the insurance is to be collected", () => {
    const input = rx({ ...office, insuranceCarrier: "", memberId: "" }).data!;
    const spec = kindSpec("prescription");
    expect(spec.csv(input, {} as never).Insurer).toBe("To be collected from the patient");
    expect(spec.fields.memberId!.whenBlank).toBe("To be collected from the patient");
  });
});

describe("dates sent as month, day and year", () => {
  it("are put together into ISO dates, so the JSON API's text dates keep working", () => {
    expect(rx(parts("dateOfBirth", "4", "27", "1980")).data?.dateOfBirth).toBe("1980-04-27");
    expect(rx(parts("startDate", " 04 ", "1", "2026")).data?.startDate).toBe("2026-04-01");
    expect(rx({ dateOfBirth: "1980-04-27" }).data?.dateOfBirth).toBe("1980-04-27");
    expect(rx({ dateOfBirth: "4/27/1980" }).data?.dateOfBirth).toBe("1980-04-27");
    expect(withDateParts({ a: 1, "b-day": "2" })).toEqual({ a: 1, b: { day: "2" } });
  });

  it("name the part that is missing or wrong, at that part's path", () => {
    const missingYear = issues(rx(parts("dateOfBirth", "4", "27", "")));
    expect(missingYear).toEqual({ "dateOfBirth.year": "Date of birth must include a year." });
    const twoMissing = issues(rx(parts("dateOfBirth", "", "27", "")));
    expect(twoMissing).toEqual({
      "dateOfBirth.month": "Date of birth must include a month and a year.",
      "dateOfBirth.year": "Date of birth must include a month and a year.",
    });
    expect(issues(rx(parts("endDate", "13", "1", "2026")))).toEqual({
      "endDate.month": "Prescription end date: the month must be a number between 1 and 12.",
    });
    expect(issues(rx(parts("startDate", "4", "x", "2026")))).toEqual({
      "startDate.day": "Prescription start date: the day must be a number between 1 and 31.",
    });
    expect(issues(rx(parts("dateOfBirth", "4", "27", "80")))).toEqual({
      "dateOfBirth.year": "Date of birth: the year must have 4 digits, for example 1980.",
    });
  });

  it("say when the parts make no real date, and when nothing was given", () => {
    expect(issues(rx(parts("dateOfBirth", "2", "30", "1980")))).toEqual({
      dateOfBirth: "Date of birth must be a real date. Check the day and the month.",
    });
    expect(issues(rx(parts("dateOfBirth", "", "", "")))).toEqual({
      dateOfBirth: "Enter the patient's date of birth, for example 4 27 1980.",
    });
  });

  it("work for the accident date too", () => {
    const claim = mvaClaimSchema({ today, messages: formsEn }).safeParse({
      ...prescriptionForm,
      ...parts("accidentDate", "3", "", "2026"),
    });
    expect(issues(claim)["accidentDate.day"]).toBe("Date of the accident must include a day.");
  });
});

describe("prescription dates people can't get wrong", () => {
  it("refuse an end date in the past and a start date more than a year ahead", () => {
    expect(issues(rx({ endDate: "2026-04-30" })).endDate).toMatch(/already ended/);
    expect(issues(rx({ startDate: "2027-05-02", endDate: "2027-06-01" })).startDate).toMatch(
      /more than a year from now/,
    );
    expect(rx({ startDate: "2027-05-01", endDate: "2027-06-01" }).success).toBe(true);
  });
});

describe("visits that cannot fit the dates", () => {
  it("get a notice the sender sees, never an error", () => {
    const input = rx({
      startDate: "5/1/2026",
      endDate: "5/7/2026",
      visitsAuthorized: "12",
      frequency: "1 per week",
    });
    expect(input.success).toBe(true);
    expect(kindSpec("prescription").notices(input.data)).toContain(
      "12 visits cannot fit between 5/1/2026 and 5/7/2026 at 1 per week: at most 1 can. Check the dates, the number of visits and how often. You can still send the form.",
    );
    expect(kindSpec("prescription").notices(rx().data)).toEqual([]);
  });

  it("read how often as prescribers write it", () => {
    expect(readFrequency("1 per week")).toEqual({ visits: 1, days: 7 });
    expect(readFrequency("2x/week")).toEqual({ visits: 2, days: 7 });
    expect(readFrequency("twice a week")).toEqual({ visits: 2, days: 7 });
    expect(readFrequency("3 times a month")).toEqual({ visits: 3, days: 31 });
    expect(readFrequency("Weekly")).toEqual({ visits: 1, days: 7 });
    expect(readFrequency("as needed")).toBeNull();
  });

  const plan = fc.record({
    start: fc.integer({ min: 0, max: 400 }),
    span: fc.integer({ min: 0, max: 366 }),
    visits: fc.integer({ min: 1, max: 60 }),
    perUnit: fc.integer({ min: 1, max: 5 }),
    unit: fc.constantFrom("day", "week", "month"),
  });
  const dates = (p: { start: number; span: number }) => {
    const startDate = addDays("2026-01-01", p.start);
    return { startDate, endDate: addDays(startDate, p.span) };
  };

  it("warns exactly when the visits are more than fit (property)", () => {
    fc.assert(
      fc.property(plan, (p) => {
        const input = { ...dates(p), visitsAuthorized: p.visits, frequency: `${p.perUnit} per ${p.unit}` };
        expect(visitsFitNotice(input, formsEn) !== null).toBe(p.visits > visitsThatFit(input));
      }),
    );
  });

  it("never warns about a weekly plan that fits week by week (property)", () => {
    fc.assert(
      fc.property(plan, (p) => {
        const { startDate, endDate } = dates(p);
        const weeks = Math.floor((daysBetween(startDate, endDate) + 1) / 7);
        const visits = Math.max(1, Math.min(weeks * p.perUnit, 60));
        const input = { startDate, endDate, visitsAuthorized: visits, frequency: `${p.perUnit} per week` };
        expect(visitsFitNotice(input, formsEn)).toBeNull();
      }),
    );
  });

  it("fits no fewer visits over longer dates (property)", () => {
    fc.assert(
      fc.property(plan, fc.integer({ min: 1, max: 60 }), (p, more) => {
        const base = { ...dates(p), frequency: `${p.perUnit} per ${p.unit}` };
        const longer = { ...base, endDate: addDays(base.endDate, more) };
        expect(visitsThatFit(longer)).toBeGreaterThanOrEqual(visitsThatFit(base));
      }),
    );
  });

  it("without a readable frequency, fits at most one visit a day", () => {
    expect(visitsThatFit({ startDate: "2026-05-01", endDate: "2026-05-07" })).toBe(7);
    expect(
      visitsFitNotice({ startDate: "2026-05-01", endDate: "2026-05-07", visitsAuthorized: 8 }, formsEn),
    ).toMatch(/^8 visits cannot fit between 5\/1\/2026 and 5\/7\/2026: at most 7 can\./);
  });
});
