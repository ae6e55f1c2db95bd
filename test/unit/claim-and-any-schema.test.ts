import fc from "fast-check";
import { describe, expect, it } from "vitest";
import icd10Source from "../../src/shared/icd10.ts?raw";
import commonWordsSource from "../../src/shared/i18n/forms/common-en.ts?raw";
import mvaClaimWordsSource from "../../src/shared/i18n/forms/mva-claim-en.ts?raw";
import prescriptionWordsSource from "../../src/shared/i18n/forms/prescription-en.ts?raw";
import { diagnosisCodeError } from "../../src/shared/icd10";
import commonSource from "../../src/shared/schemas/common.ts?raw";
import mvaClaimSource from "../../src/shared/schemas/mva-claim.ts?raw";
import prescriptionSource from "../../src/shared/schemas/prescription.ts?raw";
import datesSource from "../../src/shared/dates.ts?raw";
import npiSource from "../../src/shared/npi.ts?raw";
import phoneSource from "../../src/shared/phone.ts?raw";
import { formatIssues } from "../../src/shared/schemas/common";
import { mvaClaimFields, mvaClaimSchema, mvaClaimWarnings } from "../../src/shared/schemas/mva-claim";
import { prescriptionFields, prescriptionSchema } from "../../src/shared/schemas/prescription";
import { issues, mva, patientOutput, rx, today } from "../fixtures/schema-forms";
import { formsEn } from "../../src/shared/i18n/forms-en";

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
    expect(Object.keys(mvaClaimSchema({ messages: formsEn })._zod.def.out.shape)).toEqual(
      Object.keys(mvaClaimFields),
    );
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
    const warnings = mvaClaimWarnings(input, formsEn, today);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/two years/);
    expect(warnings[0]).toMatch(/ORS 742\.524/);
  });

  it("stays quiet within two years", () => {
    expect(mvaClaimWarnings({ accidentDate: "2024-05-01" }, formsEn, today)).toEqual([]);
    expect(mvaClaimWarnings({ accidentDate: "2026-03-15" }, formsEn, today)).toEqual([]);
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
        prescriptionSchema({ today, messages: formsEn }),
        prescriptionSchema({ checkDiagnosisCode: diagnosisCodeError, messages: formsEn }),
      ],
    },
    mvaClaim: {
      fields: Object.keys(mvaClaimFields),
      schemas: [mvaClaimSchema({ today, messages: formsEn }), mvaClaimSchema({ messages: formsEn })],
    },
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
  // A string written in the code or the words may be part of a message without being an echo.
  const messageSources = [
    commonSource,
    prescriptionSource,
    mvaClaimSource,
    icd10Source,
    commonWordsSource,
    prescriptionWordsSource,
    mvaClaimWordsSource,
  ].join("\n");
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
            for (const s of stringsIn(input)) {
              if (s.length <= 3 || messageSources.includes(s)) continue;
              for (const { message } of formatted) expect(message).not.toContain(s);
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
