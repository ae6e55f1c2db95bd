import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import icd10Source from "../../src/shared/icd10.ts?raw";
import { diagnosisCodeError } from "../../src/shared/icd10";
import commonSource from "../../src/shared/schemas/common.ts?raw";
import mvaClaimSource from "../../src/shared/schemas/mva-claim.ts?raw";
import prescriptionSource from "../../src/shared/schemas/prescription.ts?raw";
import datesSource from "../../src/shared/dates.ts?raw";
import npiSource from "../../src/shared/npi.ts?raw";
import phoneSource from "../../src/shared/phone.ts?raw";
import { formatIssues, formSections } from "../../src/shared/schemas/common";
import {
  mvaClaimFields,
  mvaClaimSchema,
  mvaClaimWarnings,
  type MvaClaimInput,
} from "../../src/shared/schemas/mva-claim";
import {
  prescriptionFields,
  prescriptionSchema,
  type PrescriptionInput,
} from "../../src/shared/schemas/prescription";

const today = "2026-05-01";
const key = "f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

/** Exactly what an HTML form posts: every value a string, blanks included. */
const patientForm = {
  patientFirstName: "  Ada  ",
  patientLastName: "Lovelace",
  dateOfBirth: "4/27/1980",
  phone: "541.555.0123",
  email: "",
  preferredContact: "phone",
  message: "",
  consent: "on",
  website: "",
  idempotencyKey: key,
};

const prescriptionForm = {
  ...patientForm,
  prescriberName: "Dr.  Jane   Smith",
  prescriberCredential: "m.d.",
  prescriberPhone: "541-555-0100 x12",
  prescriberFax: "",
  prescriberNpi: "1234567893",
  startDate: "4/1/2026",
  endDate: "2026-06-01",
  visitsAuthorized: "8",
  frequency: "1 per week",
  diagnosisCodes: "m5450, S134XXA",
  focusAreas: "Neck and upper back",
  insuranceCarrier: "Regence",
  memberId: "ABC123",
  groupNumber: "",
};

const mvaForm = {
  ...patientForm,
  autoInsurer: "State Farm",
  claimNumber: "37-1234-B56",
  accidentDate: "3/15/2026",
  adjusterName: "Sam Lee",
  adjusterPhone: "+1 503 555 0199 ext 45",
  adjusterEmail: "",
  policyNumber: "",
  claimWithOwnInsurer: "Yes",
  atFaultInsurer: "",
  prescriptionSent: "no",
  healthInsuranceFallback: "",
  attorneyName: "",
  attorneyPhone: "",
};

const patientOutput = {
  patientFirstName: "Ada",
  patientLastName: "Lovelace",
  dateOfBirth: "1980-04-27",
  phone: "(541) 555-0123",
  email: undefined,
  preferredContact: "phone",
  message: undefined,
  consent: true,
  website: "",
  idempotencyKey: key,
};

const rx = (overrides: Record<string, unknown> = {}, options = {}) =>
  prescriptionSchema({ today, ...options }).safeParse({ ...prescriptionForm, ...overrides });
const mva = (overrides: Record<string, unknown> = {}) =>
  mvaClaimSchema({ today }).safeParse({ ...mvaForm, ...overrides });

/** The issues of a failed parse as `{ path: message }`; fails the test if the parse succeeded. */
function issues(result: { success: boolean; error?: z.core.$ZodError }): Record<string, string> {
  expect(result.success).toBe(false);
  return Object.fromEntries(formatIssues(result.error!).map((i) => [i.path, i.message]));
}

describe("prescriptionSchema", () => {
  it("normalises what an HTML form posts", () => {
    const result = rx();
    expect(result.success).toBe(true);
    expect(result.data).toEqual({
      ...patientOutput,
      prescriberName: "Dr. Jane Smith",
      prescriberCredential: "MD",
      prescriberPhone: "(541) 555-0100 ext. 12",
      prescriberFax: undefined,
      prescriberNpi: "1234567893",
      startDate: "2026-04-01",
      endDate: "2026-06-01",
      visitsAuthorized: 8,
      frequency: "1 per week",
      diagnosisCodes: ["M54.50", "S13.4XXA"],
      focusAreas: "Neck and upper back",
      insuranceCarrier: "Regence",
      memberId: "ABC123",
      groupNumber: undefined,
    });
  });

  it("accepts the same submission as JSON values", () => {
    const json = {
      ...prescriptionForm,
      consent: true,
      visitsAuthorized: 8,
      diagnosisCodes: ["M54.50", "S13.4XXA"],
      email: null,
      prescriberFax: null,
      groupNumber: undefined,
    };
    expect(prescriptionSchema({ today }).parse(json)).toEqual(rx().data);
  });

  it("gives the route and the D1 code normalised types", () => {
    expectTypeOf<PrescriptionInput["visitsAuthorized"]>().toEqualTypeOf<number>();
    expectTypeOf<PrescriptionInput["diagnosisCodes"]>().toEqualTypeOf<string[]>();
    expectTypeOf<PrescriptionInput["consent"]>().toEqualTypeOf<true>();
    expectTypeOf<PrescriptionInput["website"]>().toEqualTypeOf<string>();
    expectTypeOf<PrescriptionInput["prescriberCredential"]>().toEqualTypeOf<
      "MD" | "DO" | "NP" | "PA" | "ND" | "DC" | "other"
    >();
    expectTypeOf<PrescriptionInput>().toHaveProperty("prescriberNpi").toEqualTypeOf<string | undefined>();
    expectTypeOf<MvaClaimInput["claimWithOwnInsurer"]>().toEqualTypeOf<"yes" | "no" | "not-sure">();
    expectTypeOf<MvaClaimInput["accidentDate"]>().toEqualTypeOf<string>();
    expectTypeOf<Pick<MvaClaimInput, "email">>().toEqualTypeOf<{ email?: string | undefined }>();
  });

  it("has a field description for every schema field, in the same order", () => {
    expect(Object.keys(prescriptionSchema().shape)).toEqual(Object.keys(prescriptionFields));
    for (const field of Object.values(prescriptionFields)) expect(formSections).toHaveProperty(field.section);
  });

  describe("patient fields", () => {
    it("require the patient's names, trimmed and at most 100 characters", () => {
      expect(issues(rx({ patientFirstName: "   " }))).toEqual({
        patientFirstName: "Enter the patient's first name.",
      });
      expect(issues(rx({ patientLastName: undefined }))).toEqual({
        patientLastName: "Enter the patient's last name.",
      });
      expect(issues(rx({ patientLastName: "x".repeat(101) }))).toEqual({
        patientLastName: "Shorten the patient's last name to 100 characters or fewer.",
      });
      expect(rx({ patientLastName: "x".repeat(100) }).success).toBe(true);
    });

    it("need a real date of birth in the past, at most 120 years ago", () => {
      expect(issues(rx({ dateOfBirth: "" }))).toEqual({
        dateOfBirth: "Enter the patient's date of birth, for example 4/27/1980.",
      });
      expect(issues(rx({ dateOfBirth: "2/30/1980" })).dateOfBirth).toMatch(/month\/day\/year/);
      expect(issues(rx({ dateOfBirth: today })).dateOfBirth).toBe(
        "The date of birth must be in the past. Check the year.",
      );
      expect(issues(rx({ dateOfBirth: "1905-05-01" })).dateOfBirth).toMatch(/older than 120/);
      expect(rx({ dateOfBirth: "1905-05-02" }).data?.dateOfBirth).toBe("1905-05-02");
      expect(rx({ dateOfBirth: "2026-04-30" }).success).toBe(true);
    });

    it("normalise the phone number and reject what is not a US number", () => {
      expect(rx({ phone: "+1 (541) 555 0123" }).data?.phone).toBe("(541) 555-0123");
      expect(issues(rx({ phone: "555-0123" })).phone).toMatch(/10-digit US number/);
      expect(issues(rx({ phone: "" })).phone).toMatch(/Enter a phone number/);
    });

    it("take an optional email and require it when the patient prefers email", () => {
      expect(rx({ email: " ada@example.com " }).data?.email).toBe("ada@example.com");
      expect(issues(rx({ email: "ada@" })).email).toMatch(/name@example\.com/);
      expect(issues(rx({ preferredContact: "email" }))).toEqual({
        email: "Enter an email address so we can contact you by email, or choose phone instead.",
      });
      expect(rx({ preferredContact: "EMAIL", email: "ada@example.com" }).data?.preferredContact).toBe(
        "email",
      );
      expect(issues(rx({ preferredContact: "fax" })).preferredContact).toMatch(/phone or by email/);
    });

    it("report a bad email once, not also as missing, when the patient prefers email", () => {
      expect(issues(rx({ preferredContact: "email", email: "nope" }))).toEqual({
        email: "Enter the email address like name@example.com, or leave it empty.",
      });
    });
  });

  describe("closing fields", () => {
    it.each([true, "on", "yes", "YES", "true", "1"])("take consent %j as agreement", (consent) => {
      expect(rx({ consent }).data?.consent).toBe(true);
    });

    it.each([undefined, "", "no", "off", false, 0, null])("refuse consent %j", (consent) => {
      expect(issues(rx({ consent }))).toEqual({
        consent: "Tick the box to agree that we can store this information.",
      });
    });

    it("keep the message optional and at most 2,000 characters", () => {
      expect(rx({ message: "  Call after 5pm.\r\nThanks " }).data?.message).toBe("Call after 5pm.\nThanks");
      expect(rx({ message: "x".repeat(2000) }).success).toBe(true);
      expect(issues(rx({ message: "x".repeat(2001) })).message).toMatch(/2,000 characters/);
    });

    it("let a filled honeypot through so the route can fake success", () => {
      expect(rx({ website: "http://spam.example" }).data?.website).toBe("http://spam.example");
      expect(rx({ website: undefined }).data?.website).toBe("");
      expect(rx({ website: 42 }).data?.website).not.toBe("");
    });

    it("take an optional idempotency key of 16–64 URL-safe characters", () => {
      expect(rx({ idempotencyKey: undefined }).data?.idempotencyKey).toBeUndefined();
      expect(rx({ idempotencyKey: "a".repeat(64) }).success).toBe(true);
      expect(issues(rx({ idempotencyKey: "a".repeat(15) })).idempotencyKey).toMatch(/Reload the page/);
      expect(issues(rx({ idempotencyKey: "a".repeat(65) })).idempotencyKey).toMatch(/Reload the page/);
      expect(issues(rx({ idempotencyKey: "abc def ghi jkl mno" })).idempotencyKey).toMatch(/Reload the page/);
    });
  });

  describe("prescriber fields", () => {
    it("require the prescriber's name and a known credential", () => {
      expect(issues(rx({ prescriberName: "" })).prescriberName).toBe(
        "Enter the prescriber's name, as on the prescription.",
      );
      for (const [typed, value] of [
        ["DO", "DO"],
        ["n.p.", "NP"],
        ["pa", "PA"],
        ["ND", "ND"],
        ["D.C.", "DC"],
        ["Other", "other"],
      ]) {
        expect(rx({ prescriberCredential: typed }).data?.prescriberCredential).toBe(value);
      }
      expect(issues(rx({ prescriberCredential: "RN" })).prescriberCredential).toMatch(
        /MD, DO, NP, PA, ND, DC/,
      );
    });

    it("need the prescriber's phone, with an optional extension, and an optional fax", () => {
      expect(rx({ prescriberPhone: "541 555 0100" }).data?.prescriberPhone).toBe("(541) 555-0100");
      expect(issues(rx({ prescriberPhone: "" })).prescriberPhone).toMatch(/office phone number/);
      expect(rx({ prescriberFax: "541-555-0101" }).data?.prescriberFax).toBe("(541) 555-0101");
      expect(issues(rx({ prescriberFax: "12345" })).prescriberFax).toMatch(/fax/);
    });

    it("check the NPI's digit count and check digit, allowing it to be left empty", () => {
      expect(rx({ prescriberNpi: "" }).data?.prescriberNpi).toBeUndefined();
      expect(rx({ prescriberNpi: "1234 567 893" }).data?.prescriberNpi).toBe("1234567893");
      expect(rx({ prescriberNpi: 1234567893 }).data?.prescriberNpi).toBe("1234567893");
      expect(issues(rx({ prescriberNpi: "1234567890" })).prescriberNpi).toBe(
        "Enter the NPI as 10 digits. Check it against the prescriber's records — this one does not pass the NPI check.",
      );
      expect(issues(rx({ prescriberNpi: "12345" })).prescriberNpi).toBe(
        "Enter the NPI as 10 digits, or leave it empty.",
      );
    });
  });

  describe("prescription fields", () => {
    it("need start and end dates, the end after the start and at most a year later", () => {
      expect(issues(rx({ startDate: "" })).startDate).toMatch(/start date/);
      expect(issues(rx({ endDate: "6/31/2026" })).endDate).toMatch(/month\/day\/year/);
      expect(issues(rx({ startDate: "2026-06-01", endDate: "2026-06-01" }))).toEqual({
        endDate: "The end date must be after the start date.",
      });
      expect(issues(rx({ startDate: "2026-06-01", endDate: "2026-05-20" })).endDate).toBe(
        "The end date must be after the start date.",
      );
      expect(rx({ endDate: "2027-04-01" }).success).toBe(true);
      expect(issues(rx({ endDate: "2027-04-02" })).endDate).toMatch(/at most one year after the start/);
    });

    it("keep dates within bounds: started at most two years ago, starting at most a year ahead, not yet ended", () => {
      expect(issues(rx({ startDate: "2024-04-30" })).startDate).toMatch(/more than two years ago/);
      expect(issues(rx({ startDate: "1000-01-01" })).startDate).toMatch(/more than two years ago/);
      expect(issues(rx({ startDate: "2027-05-02", endDate: "2027-06-01" })).startDate).toMatch(
        /more than a year from now/,
      );
      expect(rx({ startDate: "2027-05-01", endDate: "2027-06-01" }).success).toBe(true);
      expect(issues(rx({ endDate: "2026-04-30" })).endDate).toMatch(/already ended/);
      expect(rx({ endDate: "2026-05-01" }).success).toBe(true);
      expect(issues(rx({ endDate: "9999-12-31" })).endDate).toMatch(/at most one year after the start/);
    });

    it("compare the dates even when another field has a problem", () => {
      expect(issues(rx({ phone: "", startDate: "2026-06-01", endDate: "2026-05-20" }))).toEqual({
        phone: "Enter a phone number where we can reach the patient, for example (541) 555-0123.",
        endDate: "The end date must be after the start date.",
      });
    });

    it("compare the dates only when both are valid", () => {
      expect(issues(rx({ startDate: "soon", endDate: "2026-05-20" }))).toEqual({
        startDate: "Enter the start date as month/day/year, for example 3/4/2026.",
      });
    });

    it("need 1 to 60 whole visits", () => {
      expect(rx({ visitsAuthorized: " 12 " }).data?.visitsAuthorized).toBe(12);
      expect(rx({ visitsAuthorized: 60 }).success).toBe(true);
      expect(issues(rx({ visitsAuthorized: "0" })).visitsAuthorized).toMatch(/at least 1/);
      expect(issues(rx({ visitsAuthorized: 61 })).visitsAuthorized).toMatch(/at most 60/);
      expect(issues(rx({ visitsAuthorized: "4.5" })).visitsAuthorized).toMatch(/whole number/);
      expect(issues(rx({ visitsAuthorized: 4.5 })).visitsAuthorized).toMatch(/whole number/);
      expect(issues(rx({ visitsAuthorized: "eight" })).visitsAuthorized).toMatch(/whole number/);
      expect(issues(rx({ visitsAuthorized: "" })).visitsAuthorized).toMatch(/whole number/);
    });

    it("keep the frequency optional and short", () => {
      expect(rx({ frequency: "" }).data?.frequency).toBeUndefined();
      expect(issues(rx({ frequency: "x".repeat(61) })).frequency).toMatch(/60 characters/);
    });

    it("need the areas to treat, at most 500 characters", () => {
      expect(issues(rx({ focusAreas: " " })).focusAreas).toMatch(/areas to treat/);
      expect(issues(rx({ focusAreas: "x".repeat(501) })).focusAreas).toMatch(/500 characters/);
    });

    it("need the insurance company and member ID; the group number is optional", () => {
      expect(issues(rx({ insuranceCarrier: "" })).insuranceCarrier).toMatch(/health insurance company/);
      expect(issues(rx({ memberId: "" })).memberId).toMatch(/member ID/);
      expect(rx({ memberId: 123456 }).data?.memberId).toBe("123456");
      expect(rx({ groupNumber: " G-77 " }).data?.groupNumber).toBe("G-77");
      expect(issues(rx({ groupNumber: "x".repeat(41) })).groupNumber).toMatch(/40 characters/);
    });
  });

  describe("diagnosis codes", () => {
    it.each([
      ["one code", "M54.2", ["M54.2"]],
      ["commas", "m5450,s134xxa", ["M54.50", "S13.4XXA"]],
      ["spaces", "M54.50 S13.4XXA  m62830", ["M54.50", "S13.4XXA", "M62.830"]],
      ["semicolons and new lines", "M54.50;\nS13.4XXA", ["M54.50", "S13.4XXA"]],
      ["a code typed with a space in it", "S13.4 XXA", ["S13.4XXA"]],
      ["repeated form fields", ["M54.50", "s134xxa, m797"], ["M54.50", "S13.4XXA", "M79.7"]],
      ["duplicates", "M54.50, m5450, M54.50", ["M54.50"]],
    ])("are read from %s", (_, diagnosisCodes, expected) => {
      expect(rx({ diagnosisCodes }).data?.diagnosisCodes).toEqual(expected);
    });

    it("need at least one code", () => {
      const message = "Enter at least one diagnosis code from the prescription, for example M54.50.";
      for (const diagnosisCodes of ["", " , ", [], undefined, null]) {
        expect(issues(rx({ diagnosisCodes }))).toEqual({ diagnosisCodes: message });
      }
    });

    it("allow at most 12 different codes", () => {
      const codes = Array.from({ length: 13 }, (_, i) => `M54.${10 + i}`);
      expect(rx({ diagnosisCodes: codes.slice(0, 12) }).success).toBe(true);
      expect(rx({ diagnosisCodes: [...codes.slice(0, 12), "M54.10"] }).success).toBe(true);
      expect(issues(rx({ diagnosisCodes: codes }))).toEqual({
        diagnosisCodes: "Enter at most 12 diagnosis codes.",
      });
    });

    it("point at each code that is not shaped like an ICD-10 code", () => {
      expect(issues(rx({ diagnosisCodes: "M54.50, M5, back pain" }))).toEqual({
        "diagnosisCodes.1":
          "Diagnosis code 2: This is not written like an ICD-10 code. Enter it as on the prescription, for example M54.50.",
        "diagnosisCodes.2": expect.stringMatching(/^Diagnosis code 3: /),
        "diagnosisCodes.3": expect.stringMatching(/^Diagnosis code 4: /),
      });
    });

    it("accept any well-formed code in the browser, where the list is not available", () => {
      expect(rx({ diagnosisCodes: "M54.5, Z00.00" }).data?.diagnosisCodes).toEqual(["M54.5", "Z00.00"]);
    });

    it("are checked against the list by the server's hook, at the code's position", () => {
      const server = (diagnosisCodes: unknown) =>
        rx({ diagnosisCodes }, { checkDiagnosisCode: diagnosisCodeError });
      expect(server("M54.50, Z00.00").data?.diagnosisCodes).toEqual(["M54.50", "Z00.00"]);
      const result = server("S13.4XXA, M54.5, M54.7");
      expect(result.error?.issues.map((i) => i.path)).toEqual([
        ["diagnosisCodes", 1],
        ["diagnosisCodes", 2],
      ]);
      expect(issues(result)["diagnosisCodes.1"]).toMatch(
        /^Diagnosis code 2: This is a category, not a complete code\. .* M54\.50, M54\.51 or M54\.59:/,
      );
      expect(issues(result)["diagnosisCodes.2"]).toMatch(
        /^Diagnosis code 3: This is not a current ICD-10-CM code/,
      );
    });

    it("hand the hook normalised codes", () => {
      const seen: string[] = [];
      rx(
        { diagnosisCodes: "s134xxa m545" },
        { checkDiagnosisCode: (code: string) => (seen.push(code), null) },
      );
      expect(seen).toEqual(["S13.4XXA", "M54.5"]);
    });
  });

  it("reports every problem of an empty form, each with a plain message", () => {
    const result = prescriptionSchema({ today }).safeParse({});
    expect(Object.keys(issues(result)).sort()).toEqual(
      [
        "patientFirstName",
        "patientLastName",
        "dateOfBirth",
        "phone",
        "preferredContact",
        "consent",
        "prescriberName",
        "prescriberCredential",
        "prescriberPhone",
        "startDate",
        "endDate",
        "visitsAuthorized",
        "diagnosisCodes",
        "focusAreas",
        "insuranceCarrier",
        "memberId",
      ].sort(),
    );
  });

  it("explains a body that is not an object of fields", () => {
    for (const body of [null, "text", 42, [prescriptionForm]]) {
      expect(formatIssues(prescriptionSchema().safeParse(body).error!)).toEqual([
        { path: "", message: "Send the form's fields, for example from the form on our website." },
      ]);
    }
  });

  it("reads today at parse time, in Oregon, when not given", () => {
    const schema = prescriptionSchema();
    expect(schema.safeParse({ ...prescriptionForm, dateOfBirth: "2999-01-01" }).success).toBe(false);
  });
});

describe("mvaClaimSchema", () => {
  it("normalises what an HTML form posts", () => {
    const result = mva();
    expect(result.success).toBe(true);
    expect(result.data).toEqual({
      ...patientOutput,
      autoInsurer: "State Farm",
      claimNumber: "37-1234-B56",
      accidentDate: "2026-03-15",
      adjusterName: "Sam Lee",
      adjusterPhone: "(503) 555-0199 ext. 45",
      adjusterEmail: undefined,
      policyNumber: undefined,
      claimWithOwnInsurer: "yes",
      atFaultInsurer: undefined,
      prescriptionSent: "no",
      healthInsuranceFallback: undefined,
      attorneyName: undefined,
      attorneyPhone: undefined,
    });
  });

  it("has a field description for every schema field, in the same order", () => {
    expect(Object.keys(mvaClaimSchema().shape)).toEqual(Object.keys(mvaClaimFields));
  });

  it("needs the auto insurer and the adjuster's name", () => {
    expect(issues(mva({ autoInsurer: "" })).autoInsurer).toMatch(/auto insurance company/);
    expect(issues(mva({ adjusterName: " " })).adjusterName).toMatch(/claim adjuster/);
  });

  it("needs a claim number of letters, digits, dashes and spaces, at most 40", () => {
    expect(mva({ claimNumber: " AB 12-34 " }).data?.claimNumber).toBe("AB 12-34");
    expect(issues(mva({ claimNumber: "" })).claimNumber).toMatch(/claim number/);
    expect(issues(mva({ claimNumber: "12/34" })).claimNumber).toMatch(
      /only letters, digits, dashes and spaces/,
    );
    expect(issues(mva({ claimNumber: "1".repeat(41) })).claimNumber).toMatch(/at most 40 characters/);
    expect(mva({ claimNumber: "1".repeat(40) }).success).toBe(true);
  });

  it("needs an accident date that is not in the future", () => {
    expect(mva({ accidentDate: today }).success).toBe(true);
    expect(issues(mva({ accidentDate: "2026-05-02" })).accidentDate).toMatch(/cannot be in the future/);
    expect(issues(mva({ accidentDate: "yesterday" })).accidentDate).toMatch(/month\/day\/year/);
  });

  it("takes the adjuster's phone with an extension and an optional email", () => {
    expect(mva({ adjusterPhone: "503-555-0199" }).data?.adjusterPhone).toBe("(503) 555-0199");
    expect(issues(mva({ adjusterPhone: "0199" })).adjusterPhone).toMatch(/10-digit US number/);
    expect(mva({ adjusterEmail: "sam@insurer.example" }).data?.adjusterEmail).toBe("sam@insurer.example");
    expect(issues(mva({ adjusterEmail: "sam at insurer" })).adjusterEmail).toMatch(/adjuster's email/);
  });

  it("asks yes/no/not sure about the claim and yes/no about the prescription", () => {
    expect(mva({ claimWithOwnInsurer: "not-sure" }).data?.claimWithOwnInsurer).toBe("not-sure");
    expect(issues(mva({ claimWithOwnInsurer: "maybe" })).claimWithOwnInsurer).toMatch(/yes, no or not sure/);
    expect(issues(mva({ prescriptionSent: "" })).prescriptionSent).toMatch(/yes or no/);
  });

  it("keeps the other-payment fields optional", () => {
    const result = mva({
      policyNumber: "POL 1",
      atFaultInsurer: "Geico",
      healthInsuranceFallback: "Regence",
      attorneyName: "Pat Doe",
      attorneyPhone: "541-555-0111 x2",
    });
    expect(result.data).toMatchObject({
      policyNumber: "POL 1",
      atFaultInsurer: "Geico",
      healthInsuranceFallback: "Regence",
      attorneyName: "Pat Doe",
      attorneyPhone: "(541) 555-0111 ext. 2",
    });
    expect(issues(mva({ attorneyPhone: "call me" })).attorneyPhone).toMatch(/attorney's phone/);
  });

  it("requires consent and an email for email contact, like the prescription", () => {
    expect(issues(mva({ consent: "" })).consent).toMatch(/Tick the box/);
    expect(issues(mva({ preferredContact: "email" })).email).toMatch(/email address/);
  });
});

describe("mvaClaimWarnings", () => {
  it("warns, without rejecting, when the accident was more than two years ago (ORS 742.524)", () => {
    const input = mva({ accidentDate: "2024-04-30" }).data!;
    expect(input).toBeDefined();
    const warnings = mvaClaimWarnings(input, today);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/two years/);
    expect(warnings[0]).toMatch(/ORS 742\.524/);
  });

  it("stays quiet within two years", () => {
    expect(mvaClaimWarnings({ accidentDate: "2024-05-01" }, today)).toEqual([]);
    expect(mvaClaimWarnings({ accidentDate: "2026-03-15" }, today)).toEqual([]);
  });
});

describe("the schemas in the browser", () => {
  it("never pull in the server-only ICD-10 list", () => {
    for (const source of [
      commonSource,
      prescriptionSource,
      mvaClaimSource,
      datesSource,
      npiSource,
      phoneSource,
    ]) {
      const imports = [...source.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
      expect(imports.filter((path) => /icd10|\.tsv/.test(path!))).toEqual([]);
    }
  });
});

describe("formatIssues", () => {
  it("gives dotted paths and messages, never the submitted input", () => {
    const result = rx({ diagnosisCodes: "M54.50, Q99.9999X", phone: "Secret-Phone-Value" });
    const formatted = formatIssues(result.error!);
    expect(formatted.map((i) => i.path).sort()).toEqual(["diagnosisCodes.1", "phone"]);
    for (const issue of formatted) expect(Object.keys(issue).sort()).toEqual(["message", "path"]);
    expect(JSON.stringify(formatted)).not.toMatch(/Q99|Secret/);
  });
});

describe("any JSON thrown at the schemas", () => {
  const schemas = {
    prescription: {
      fields: Object.keys(prescriptionFields),
      schemas: [
        prescriptionSchema({ today }),
        prescriptionSchema({ checkDiagnosisCode: diagnosisCodeError }),
      ],
    },
    mvaClaim: { fields: Object.keys(mvaClaimFields), schemas: [mvaClaimSchema({ today }), mvaClaimSchema()] },
  };

  const stringsIn = (value: unknown): string[] =>
    typeof value === "string"
      ? [value]
      : Array.isArray(value)
        ? value.flatMap(stringsIn)
        : typeof value === "object" && value !== null
          ? Object.values(value).flatMap(stringsIn)
          : [];

  // An input string that also occurs in the schemas' source ("name", "email") can appear in a
  // message by coincidence; any other string found in a message was echoed from the input.
  const messageSources = [commonSource, prescriptionSource, mvaClaimSource, icd10Source].join("\n");
  const zodDefaults = /^(Invalid|Too (big|small)|Expected|Required|Unrecognized)/;

  for (const [kind, { fields, schemas: kindSchemas }] of Object.entries(schemas)) {
    const realisticValue = fc.oneof(
      fc.jsonValue(),
      fc.string(),
      fc.constantFrom(
        "",
        " ",
        "on",
        "yes",
        "EMAIL",
        "Phone",
        "12/31/1999",
        "541-555-0123 x9",
        "m5450, s134xxa, M5",
      ),
    );
    const body = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(fc.constantFrom(...fields), realisticValue),
      fc.record(Object.fromEntries(fields.map((f) => [f, realisticValue])), { requiredKeys: [] }),
    );

    it(`never make the ${kind} schema throw, and their issues name only fields and never echo an input string`, () => {
      fc.assert(
        fc.property(body, (input) => {
          for (const schema of kindSchemas) {
            const result = schema.safeParse(input);
            if (result.success) continue;
            const formatted = formatIssues(result.error);
            const messages = formatted.map((i) => i.message).join("\n");
            for (const s of stringsIn(input)) {
              if (s.length > 3 && !messageSources.includes(s)) expect(messages).not.toContain(s);
            }
            for (const { path, message } of formatted) {
              expect(path === "" || fields.includes(path.replace(/\.\d+$/, ""))).toBe(true);
              expect(message.length).toBeGreaterThan(10);
              expect(message).not.toMatch(zodDefaults);
            }
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe("text people cannot have meant", () => {
  it("refuses a lone surrogate in any text, naming the field", () => {
    expect(issues(rx({ patientFirstName: "Ana\uD800" })).patientFirstName).toBe(
      "We could not read one of the characters in the patient's first name. Type it again.",
    );
    expect(issues(mva({ message: "ok \uDC00" })).message).toMatch(
      /could not read one of the characters in your message/,
    );
    expect(rx({ patientFirstName: "Zoë 👩‍⚕️" }).success).toBe(true);
  });

  it("refuses a name without a visible letter: zero-width characters, digits or punctuation only", () => {
    for (const name of ["\u200B\u200B", "123", "--", "\u200D"]) {
      expect(issues(rx({ patientLastName: name })).patientLastName).toBe(
        "Enter the patient's last name using letters.",
      );
    }
    expect(rx({ patientLastName: "O'Brien-Núñez" }).success).toBe(true);
    expect(rx({ patientLastName: "李" }).success).toBe(true);
  });

  it("keeps one issue per field, however many rules a value breaks", () => {
    const result = rx({ patientFirstName: `${"\uD800".repeat(200)}` });
    expect(formatIssues(result.error!).filter((i) => i.path === "patientFirstName")).toHaveLength(1);
  });

  it("bounds the accident date to the last ten years", () => {
    expect(issues(mva({ accidentDate: "2016-04-30" })).accidentDate).toMatch(/more than ten years ago/);
    expect(mva({ accidentDate: "2016-05-01" }).success).toBe(true);
    expect(issues(mva({ accidentDate: "1000-01-01" })).accidentDate).toMatch(/more than ten years ago/);
  });
});
