import { describe, expect, it } from "vitest";
import { clinic, formatCents, mailingAddress, prescriberRoutes } from "../../src/shared/clinic";
import {
  contactOptions,
  contactSentence,
  headerContacts,
  visitDetails,
} from "../../src/shared/clinic-contact";

describe("ways to reach the clinic", () => {
  it("always offer the street address, so no sentence ends in a blank", () => {
    expect(contactSentence({})).toBe(
      "write to or visit us at 227 NE Hillcrest Drive, Grants Pass, Oregon 97526",
    );
    expect(contactOptions({ phone: undefined, email: undefined }).map((o) => o.kind)).toEqual(["mail"]);
  });

  it("list phone and email when they are configured, with working links", () => {
    const options = contactOptions({ phone: "541-555-0100", email: "desk@example.org" });
    expect(options.map((o) => o.href)).toEqual(["tel:5415550100", "mailto:desk@example.org", undefined]);
    expect(contactSentence({ phone: "541-555-0100", email: "desk@example.org" })).toBe(
      "call 541-555-0100, email desk@example.org or write to or visit us at 227 NE Hillcrest Drive, Grants Pass, Oregon 97526",
    );
  });

  it("never produce a dangling 'at' or an empty link", () => {
    for (const c of [{}, { phone: "541-555-0100" }, { email: "desk@example.org" }]) {
      const sentence = contactSentence(c);
      expect(sentence).not.toMatch(/\bat\s*[.,]?$|\bat\s+(or|,)/);
      for (const o of contactOptions(c)) expect(o.href ?? "x").not.toMatch(/^(tel|mailto):$/);
    }
  });
});

describe("contact and visit details left unset", () => {
  it("leave the header without a contact strip, and the pages without visit headings", () => {
    expect(headerContacts({})).toEqual([]);
    expect(visitDetails(undefined, {})).toEqual([]);
    expect(visitDetails(["cancellationPolicy"], { en: { hours: "9 to 5" } })).toEqual([]);
    expect(visitDetails(undefined, { es: {} }, "es")).toEqual([]);
  });

  it("offer prescribers' offices the mail when neither fax nor prescription email is set", () => {
    expect(prescriberRoutes({})).toEqual([{ verb: "mail", value: mailingAddress() }]);
  });

  it("show only what is set, each with its words and never an empty link", () => {
    expect(headerContacts({ phone: "(541) 555-0100", fax: "541-555-0101" })).toEqual([
      { label: "Call (541) 555-0100", href: "tel:5415550100" },
      { label: "Fax 541-555-0101" },
    ]);
    expect(visitDetails(undefined, { en: { parking: "Free lot behind the building." } })).toEqual([
      { topic: "parking", heading: "Parking", text: "Free lot behind the building." },
    ]);
    expect(prescriberRoutes({ prescriptionEmail: "rx@example.org" })).toEqual([
      { verb: "email", value: "rx@example.org", href: "mailto:rx@example.org" },
    ]);
  });

  it("are unset in a build without settings: the clinic module reads none", () => {
    // The unit tests run without PUBLIC_* settings (`npm test` sets them only for the e2e build).
    const set = (...names: string[]) => names.some((name) => process.env[name]);
    if (!set("PUBLIC_CLINIC_PHONE", "PUBLIC_CLINIC_EMAIL", "PUBLIC_CLINIC_FAX"))
      expect(headerContacts()).toEqual([]);
    if (!set("PUBLIC_CLINIC_HOURS", "PUBLIC_CLINIC_PARKING", "PUBLIC_CLINIC_ACCESS", "PUBLIC_WHAT_TO_BRING"))
      if (!set("PUBLIC_CANCELLATION_POLICY")) expect(visitDetails()).toEqual([]);
  });
});

describe("clinic facts", () => {
  it("charge $30 per 15-minute unit", () => {
    expect(clinic.cashRatePerUnitCents).toBe(3000);
    expect(clinic.unitMinutes).toBe(15);
    expect(formatCents(clinic.cashRatePerUnitCents)).toBe("$30.00");
  });

  it("format cents as dollars without floating-point money", () => {
    expect(formatCents(0)).toBe("$0.00");
    expect(formatCents(5)).toBe("$0.05");
    expect(formatCents(123456789)).toBe("$1,234,567.89");
    expect(formatCents(-2750)).toBe("-$27.50");
  });

  it("mail prescriptions to the clinic's street address", () => {
    expect(mailingAddress()).toBe("227 NE Hillcrest Drive, Grants Pass, Oregon 97526");
  });
});

describe("visit details on a Spanish page", () => {
  const visit = {
    en: { hours: "Monday to Friday 9 to 5", parking: "Free lot behind the building." },
    es: { hours: "De lunes a viernes de 9 a 5" },
  };

  it("show each detail's Spanish text, else the English one marked as English", () => {
    expect(visitDetails(["hours", "parking"], visit, "es")).toEqual([
      { topic: "hours", heading: "Horario", text: "De lunes a viernes de 9 a 5" },
      {
        topic: "parking",
        heading: expect.any(String),
        text: "Free lot behind the building.",
        textLang: "en",
      },
    ]);
  });

  it("never show the Spanish text on an English page", () => {
    expect(visitDetails(["hours"], visit, "en")).toEqual([
      { topic: "hours", heading: expect.any(String), text: "Monday to Friday 9 to 5" },
    ]);
  });
});
