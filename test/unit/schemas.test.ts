import { describe, expect, expectTypeOf, it } from "vitest";
import { diagnosisCodeError } from "../../src/shared/icd10";
import { formatIssues, formSections } from "../../src/shared/schemas/common";
import { type MvaClaimInput } from "../../src/shared/schemas/mva-claim";
import {
  prescriptionFields,
  prescriptionSchema,
  type PrescriptionInput,
} from "../../src/shared/schemas/prescription";
import { issues, patientOutput, prescriptionForm, rx, today } from "../fixtures/schema-forms";
import { formsEn } from "../../src/shared/i18n/forms-en";

describe("prescriptionSchema", () => {
  it("normalises what an HTML form posts", () => {
    const result = rx();
    expect(result.success).toBe(true);
    expect(result.data).toEqual({
      sentBy: "patient",
      senderName: undefined,
      senderRole: undefined,
      senderPhone: undefined,
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
    expect(prescriptionSchema({ today, messages: formsEn }).parse(json)).toEqual(rx().data);
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
    expect(Object.keys(prescriptionSchema({ messages: formsEn })._zod.def.out.shape)).toEqual(
      Object.keys(prescriptionFields),
    );
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
        dateOfBirth: "Enter the patient's date of birth, for example 4 27 1980.",
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
    const result = prescriptionSchema({ today, messages: formsEn }).safeParse({});
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
        // Who is sending decides whether the insurance is needed now.
        "sentBy",
      ].sort(),
    );
  });

  it("explains a body that is not an object of fields", () => {
    for (const body of [null, "text", 42, [prescriptionForm]]) {
      expect(formatIssues(prescriptionSchema({ messages: formsEn }).safeParse(body).error!)).toEqual([
        { path: "", message: "Send the form's fields, for example from the form on our website." },
      ]);
    }
  });

  it("reads today at parse time, in Oregon, when not given", () => {
    const schema = prescriptionSchema({ messages: formsEn });
    expect(schema.safeParse({ ...prescriptionForm, dateOfBirth: "2999-01-01" }).success).toBe(false);
  });
});
