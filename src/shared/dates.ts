/**
 * Calendar dates as ISO "YYYY-MM-DD" strings. All arithmetic runs in UTC on the date
 * alone, so the server's or browser's time zone can never shift a date by a day.
 */

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const US = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const MS_PER_DAY = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function toIso(year: number, month: number, day: number): string | null {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function parts(iso: string): [year: number, month: number, day: number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match || toIso(Number(match[1]), Number(match[2]), Number(match[3])) !== iso) {
    throw new RangeError("Expected an ISO date (YYYY-MM-DD).");
  }
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function utcMs(iso: string): number {
  const [year, month, day] = parts(iso);
  return Date.UTC(year, month - 1, day);
}

/**
 * A date as people type it → ISO "YYYY-MM-DD", or null. Accepts ISO ("2026-03-04") and
 * US month/day/year ("3/4/2026", "03/04/2026", "3-4-2026"); rejects two-digit years and
 * dates that do not exist (2026-02-30).
 */
export function parseDateInput(input: string): string | null {
  const text = input.trim();
  const iso = ISO.exec(text);
  if (iso) return toIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const us = US.exec(text);
  if (us) return toIso(Number(us[3]), Number(us[1]), Number(us[2]));
  return null;
}

/** True for a real calendar date written exactly as "YYYY-MM-DD". */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && toIso(Number(match[1]), Number(match[2]), Number(match[3])) === value;
}

/** The calendar date in Grants Pass, made once (a time-zone formatter is costly to build). */
let oregonDateFormat: Intl.DateTimeFormat | undefined;

/** Today's date in Grants Pass (America/Los_Angeles) as "YYYY-MM-DD". */
export function todayInOregon(now: Date = new Date()): string {
  oregonDateFormat ??= new Intl.DateTimeFormat("en-US", {
    timeZone: "America/Los_Angeles",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const fields = oregonDateFormat.formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes) => fields.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The same calendar day `n` years later (or earlier); February 29 becomes February 28. */
export function addYears(iso: string, n: number): string {
  const [year, month, day] = parts(iso);
  const lastDay = new Date(Date.UTC(year + n, month, 0)).getUTCDate();
  return `${pad(year + n, 4)}-${pad(month)}-${pad(Math.min(day, lastDay))}`;
}

/** Whole days from `aIso` to `bIso`; negative when `bIso` is earlier. */
export function daysBetween(aIso: string, bIso: string): number {
  return Math.round((utcMs(bIso) - utcMs(aIso)) / MS_PER_DAY);
}

/** Age in completed years on a given date (someone born on February 29 turns a year older on February 28). */
export function ageOn(dobIso: string, onIso: string): number {
  const [by] = parts(dobIso);
  const [oy] = parts(onIso);
  const years = oy - by;
  return addYears(dobIso, years) <= onIso ? years : years - 1;
}

/** "2026-03-04" → "3/4/2026", as US readers write dates. */
export function usDate(iso: string): string {
  const [year, month, day] = parts(iso);
  return `${month}/${day}/${year}`;
}

/** The date `days` days after `iso` (before, when negative). */
export function addDays(iso: string, days: number): string {
  const date = new Date(utcMs(iso) + days * MS_PER_DAY);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** 0 → "today", 1 → "tomorrow", 5 → "in 5 days", -3 → "3 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** The instant `years` years after `at` (before, when negative), as an ISO timestamp; February 29 becomes February 28. */
export function addYearsToInstant(at: Date, years: number): string {
  const iso = at.toISOString();
  return `${addYears(iso.slice(0, 10), years)}${iso.slice(10)}`;
}

const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2027-01-01" → "January 1, 2027", as a sentence says a date. */
export function longDate(iso: string): string {
  const [year, month, day] = parts(iso);
  return `${monthNames[month - 1]} ${day}, ${year}`;
}

const spanishMonths = [
  "enero",
  "febrero",
  "marzo",
  "abril",
  "mayo",
  "junio",
  "julio",
  "agosto",
  "septiembre",
  "octubre",
  "noviembre",
  "diciembre",
];

/** "2026-04-05" → "5 de abril de 2026", as a Spanish sentence says a date. */
export function spanishDate(iso: string): string {
  const [year, month, day] = parts(iso);
  return `${day} de ${spanishMonths[month - 1]} de ${year}`;
}
