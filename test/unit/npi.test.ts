import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidNpi, npiCheckDigit } from "../../src/shared/npi";

describe("isValidNpi", () => {
  it("accepts NPIs whose last digit is the Luhn check digit over 80840 + the first nine", () => {
    expect(isValidNpi("1234567893")).toBe(true);
    expect(isValidNpi("1245319599")).toBe(true);
    expect(isValidNpi("1003000126")).toBe(true);
  });

  it("rejects a wrong check digit or a swapped pair of digits", () => {
    expect(isValidNpi("1234567890")).toBe(false);
    expect(isValidNpi("1234567839")).toBe(false);
    expect(isValidNpi("2134567893")).toBe(false);
  });

  it.each([
    "",
    "123456789",
    "12345678930",
    "123456789a",
    " 1234567893",
    "1234-567893",
    "１２３４５６７８９３",
  ])("rejects %j, which is not exactly ten digits", (input) => {
    expect(isValidNpi(input)).toBe(false);
  });

  it("has exactly one valid check digit for any nine digits", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (firstNine) => {
        const valid = [..."0123456789"].filter((d) => isValidNpi(firstNine + d));
        expect(valid).toEqual([String(npiCheckDigit(firstNine))]);
      }),
    );
  });

  it("catches every single-digit typo", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{9}$/),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (firstNine, position, shift) => {
          const npi = firstNine + npiCheckDigit(firstNine);
          const typo =
            npi.slice(0, position) + ((Number(npi[position]) + shift) % 10) + npi.slice(position + 1);
          expect(isValidNpi(typo)).toBe(false);
        },
      ),
    );
  });
});

describe("npiCheckDigit", () => {
  it("computes the CMS example", () => {
    expect(npiCheckDigit("123456789")).toBe(3);
  });

  it("refuses anything but nine digits", () => {
    expect(() => npiCheckDigit("12345678")).toThrow(RangeError);
  });
});
