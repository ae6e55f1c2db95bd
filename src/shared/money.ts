/** Largest dollar amount any money field accepts, in cents ($100,000.00). */
export const maxMoneyCents = 10_000_000;

// "$1,500.00", "1500", " 27.5 ": an optional dollar sign, thousands commas in groups of three, up to two decimals.
const dollarsPattern = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Cents from a dollar amount as people type it ("27.50", "$27.5", "1,500", "$1,500.00" → cents),
 * by string arithmetic so no binary fraction ever touches money; `undefined` for anything else
 * ("27.505", "-1", "1e3", "1,50", "") or for more than $100,000.00.
 */
export function dollarsToCents(dollars: string): number | undefined {
  const match = dollarsPattern.exec(dollars.trim());
  if (!match) return undefined;
  const whole = match[1]!.replaceAll(",", "").replace(/^0+(?=\d)/, "");
  if (whole.length > 6) return undefined;
  const cents = Number(whole) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return cents <= maxMoneyCents ? cents : undefined;
}

/** The dollar text for integer cents, as a query string carries it: 2750 → "27.50". */
export function centsToDollars(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}
