/**
 * The rules a form checks while it is filled in, said once for the browser, the API and the staff
 * rules (`rules.ts`): when an accident's PIP window closes, and whether the prescribed visits fit
 * between the prescription's dates. Apart from `rules.ts` so a form page's script does not carry
 * the staff desk's rules (and, through them, the Good Faith Estimate's).
 */
import { addYears, daysBetween } from "../dates";
import type { PrescriptionMessages } from "../i18n/forms-en";

/**
 * The last day of the two-year window in which Oregon PIP pays medical expenses
 * (ORS 742.524(1)(a)): the same month and day two years on; February 29 becomes February 28.
 */
export function pipWindowEnd(accidentDate: string): string {
  return addYears(accidentDate, 2);
}

const countWords: Record<string, number> = { once: 1, one: 1, twice: 2, two: 2, three: 3, four: 4, five: 5 };
const unitDays: Record<string, number> = { day: 1, week: 7, wk: 7, month: 31, mo: 31 };
const everyWords: Record<string, { visits: number; days: number }> = {
  daily: { visits: 1, days: 1 },
  weekly: { visits: 1, days: 7 },
  biweekly: { visits: 1, days: 14 },
  monthly: { visits: 1, days: 31 },
};

/**
 * How often, as prescribers write it ("1 per week", "2x/week", "twice a week", "3 times a
 * month", "weekly") → visits per so many days; null when it cannot be read. A month counts as
 * 31 days, so the rule below never warns about a plan that fits.
 */
export function readFrequency(text: string): { visits: number; days: number } | null {
  const words = text.toLowerCase().trim();
  if (words in everyWords) return everyWords[words]!;
  const match =
    /^(\d{1,2}|once|one|twice|two|three|four|five)\s*(?:x|times|visits?)?\s*(?:per|a|an|\/|each|every)\s*(day|week|wk|month|mo)s?\.?$/.exec(
      words,
    );
  if (!match) return null;
  const visits = countWords[match[1]!] ?? Number(match[1]);
  return visits > 0 ? { visits, days: unitDays[match[2]!]! } : null;
}

/**
 * The most visits that fit from the start date to the end date, both included: at the
 * frequency when it can be read, else one a day.
 */
export function visitsThatFit(p: {
  startDate: string;
  endDate: string;
  frequency?: string | undefined;
}): number {
  const span = daysBetween(p.startDate, p.endDate) + 1;
  if (span < 1) return 0;
  const rate = p.frequency ? (readFrequency(p.frequency) ?? { visits: 1, days: 1 }) : { visits: 1, days: 1 };
  return rate.visits * Math.ceil(span / rate.days);
}

/**
 * A notice (not an error) for visits that cannot fit between the prescription's dates at its
 * frequency, such as 12 visits in 7 days at 1 a week; null when they can.
 */
export function visitsFitNotice(
  p: {
    startDate: string;
    endDate: string;
    visitsAuthorized: number;
    frequency?: string | undefined;
  },
  m: Pick<PrescriptionMessages, "date" | "notices">,
): string | null {
  const most = visitsThatFit(p);
  if (p.endDate < p.startDate || p.visitsAuthorized <= most) return null;
  const pace = p.frequency && readFrequency(p.frequency) ? p.frequency : undefined;
  return m.notices.visitsFit(p.visitsAuthorized, m.date(p.startDate), m.date(p.endDate), pace, most);
}
