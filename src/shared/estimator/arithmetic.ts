/**
 * Billable 15-minute units for the timed minutes of one visit, by the CMS 8-minute rule
 * (Medicare Claims Processing Manual ch. 5 §20.2): 8–22 → 1, 23–37 → 2, 53–67 → 4; 0 under 8.
 */
export function unitsForMinutes(minutes: number): number {
  if (minutes < 8) return 0;
  return wholeQuotient(minutes + 7, 15);
}

/**
 * `coinsurancePercent`% of an amount in cents, rounded half up to the cent, in integers only:
 * with amountCents × percent = 100q + r (0 ≤ r < 100), (100q + r + 50) div 100 = q + (r ≥ 50 ? 1 : 0).
 */
export function coinsuranceOf(amountCents: number, coinsurancePercent: number): number {
  return wholeQuotient(amountCents * coinsurancePercent + 50, 100);
}

/** Integer division of non-negative whole numbers without a fractional intermediate. */
function wholeQuotient(dividend: number, divisor: number): number {
  return (dividend - (dividend % divisor)) / divisor;
}

/** Takes up to `overCents` off a part: the part that is left and what is still over. */
export function trim(partCents: number, overCents: number): [number, number] {
  const cut = Math.min(partCents, overCents);
  return [partCents - cut, overCents - cut];
}

export function sum(cents: number[]): number {
  return cents.reduce((total, c) => total + c, 0);
}
