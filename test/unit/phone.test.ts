import { describe, expect, it } from "vitest";
import { normalizeUsPhone, normalizeUsPhoneWithExtension } from "../../src/shared/phone";

describe("normalizeUsPhone", () => {
  it.each([
    "541-555-0123",
    "541.555.0123",
    "(541) 555 0123",
    "(541) 555-0123",
    "+1 541 555 0123",
    "+1 (541) 555-0123",
    "1-541-555-0123",
    "15415550123",
    "5415550123",
    "  541 555 0123  ",
  ])("writes %j as (541) 555-0123", (input) => {
    expect(normalizeUsPhone(input)).toBe("(541) 555-0123");
  });

  it.each([
    ["041-555-0123", "area code starting with 0"],
    ["141-555-0123", "area code starting with 1"],
    ["541-055-0123", "exchange starting with 0"],
    ["541-155-0123", "exchange starting with 1"],
    ["541-555-012", "nine digits"],
    ["541-555-01234", "eleven digits not starting with 1"],
    ["25415550123", "eleven digits starting with 2"],
    ["+44 20 7946 0958", "a UK number"],
    ["+5415550123", "a + without the US country code"],
    ["541-555-CALL", "letters"],
    ["541-555-0123 x45", "an extension"],
    ["", "nothing"],
  ])("rejects %j (%s)", (input) => {
    expect(normalizeUsPhone(input)).toBeNull();
  });
});

describe("normalizeUsPhoneWithExtension", () => {
  it.each([
    "541-555-0123 ext. 45",
    "541-555-0123 ext 45",
    "541-555-0123 EXT45",
    "541-555-0123 extension 45",
    "541-555-0123 x45",
    "541-555-0123 x 45",
    "(541) 555-0123, x45",
    "5415550123#45",
  ])("writes %j as (541) 555-0123 ext. 45", (input) => {
    expect(normalizeUsPhoneWithExtension(input)).toBe("(541) 555-0123 ext. 45");
  });

  it("treats a number without an extension like normalizeUsPhone", () => {
    expect(normalizeUsPhoneWithExtension("+1 541 555 0123")).toBe("(541) 555-0123");
  });

  it.each(["541-555-0123 ext.", "541-555-0123 x1234567", "141-555-0123 x45", "x45", "541-555-0123 ext. 4a"])(
    "rejects %j",
    (input) => {
      expect(normalizeUsPhoneWithExtension(input)).toBeNull();
    },
  );
});
