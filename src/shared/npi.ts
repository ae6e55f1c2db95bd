/**
 * National Provider Identifier checks. The tenth digit is a Luhn check digit computed over
 * the card-issuer prefix 80840 followed by the first nine digits (CMS, "Requirements for
 * NPI check digit").
 */

/** The check digit (0–9) for the first nine digits of an NPI; throws unless given exactly nine digits. */
export function npiCheckDigit(firstNine: string): number {
  if (!/^\d{9}$/.test(firstNine)) throw new RangeError("Expected the first nine digits of an NPI.");
  const payload = `80840${firstNine}`;
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let digit = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when `npi` is exactly ten digits and its last digit is the right check digit. */
export function isValidNpi(npi: string): boolean {
  return /^\d{10}$/.test(npi) && npiCheckDigit(npi.slice(0, 9)) === Number(npi[9]);
}
