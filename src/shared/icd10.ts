/**
 * ICD-10-CM lookup against the clinic's subset of billable codes (April 1, 2026 release;
 * see `data/README.md`).
 *
 * SERVER ONLY: never import this module from browser code (pages' client scripts, form
 * islands, or anything they import). It embeds the full 7,768-code list, which must not
 * ship to the browser. Browser code uses `normalizeIcd10` from `./schemas/common` for the
 * shape check; the Hono route adds {@link diagnosisCodeError} to the schema.
 */
import { formMessages } from "./i18n/forms";
import type { Lang } from "./i18n/messages";
import tsv from "./data/icd10cm-2026-subset.tsv?raw";
import { synonymCodes } from "./icd10-synonyms";
import { normalizeIcd10 } from "./schemas/common";

export { normalizeIcd10 };

/** A billable code and its long description. */
export interface Icd10Entry {
  code: string;
  description: string;
}

/** What {@link checkIcd10} found out about a code. */
export type Icd10Check =
  | { status: "billable"; code: string; description: string }
  | { status: "header"; code: string; children: Icd10Entry[]; childCount: number }
  | { status: "unlisted"; code: string }
  | { status: "outside"; code: string }
  | { status: "malformed" };

/** Code prefixes the list covers completely: chapter M plus these categories. */
export const listedIcd10Prefixes = [
  "M",
  "G43",
  "G44",
  "G54",
  "G56",
  "G57",
  "R25",
  "R51",
  "R52",
  "S13",
  "S16",
  "S23",
  "S29",
  "S33",
  "S39",
  "S43",
  "S46",
] as const;

const MAX_CHILDREN = 20;

interface Table {
  byCode: Map<string, string>;
  entries: Icd10Entry[];
  lowerDescriptions: string[];
}

let table: Table | undefined;

function load(): Table {
  if (table) return table;
  const byCode = new Map<string, string>();
  for (const line of tsv.split(/\r?\n/).slice(1)) {
    const tab = line.indexOf("\t");
    if (tab > 0) byCode.set(line.slice(0, tab), line.slice(tab + 1));
  }
  const entries = [...byCode]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, description]) => ({ code, description }));
  table = { byCode, entries, lowerDescriptions: entries.map((e) => e.description.toLowerCase()) };
  return table;
}

function isListedPrefix(code: string): boolean {
  return listedIcd10Prefixes.some((prefix) => code.startsWith(prefix));
}

/** Index of the first entry whose code is ≥ `prefix` in plain character order. */
function lowerBound(entries: Icd10Entry[], prefix: string): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.code < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function withPrefix(prefix: string): Icd10Entry[] {
  const { entries } = load();
  const found: Icd10Entry[] = [];
  for (let i = lowerBound(entries, prefix); i < entries.length && entries[i]!.code.startsWith(prefix); i++) {
    found.push(entries[i]!);
  }
  return found;
}

/**
 * Classifies a code as typed: `billable` (in the list), `header` (a category inside the listed
 * prefixes with billable children — the first 20 and the total), `unlisted` (inside the listed
 * prefixes but not a code: reject), `outside` (well-formed, outside the listed prefixes: accept,
 * staff will confirm it) or `malformed`.
 */
export function checkIcd10(input: string): Icd10Check {
  const code = normalizeIcd10(input);
  if (code === null) return { status: "malformed" };
  const description = load().byCode.get(code);
  if (description !== undefined) return { status: "billable", code, description };
  if (!isListedPrefix(code)) return { status: "outside", code };
  const children = withPrefix(code.length === 3 ? `${code}.` : code);
  if (children.length === 0) return { status: "unlisted", code };
  return { status: "header", code, children: children.slice(0, MAX_CHILDREN), childCount: children.length };
}

/** The long description of a billable code (typed forgivingly, e.g. "m542"), or undefined. */
export function describeIcd10(code: string): string | undefined {
  const normalized = normalizeIcd10(code);
  return normalized === null ? undefined : load().byCode.get(normalized);
}

function codePrefixOf(query: string): string | null {
  let text = query.replace(/\s+/g, "").toUpperCase();
  if (text.length > 3 && text[3] !== ".") text = `${text.slice(0, 3)}.${text.slice(3)}`;
  return /^[A-Z][0-9]([0-9A-Z](\.[0-9A-Z]{0,4})?)?$/.test(text) ? text : null;
}

function startsWord(description: string, word: string): boolean {
  for (let at = description.indexOf(word); at !== -1; at = description.indexOf(word, at + 1)) {
    if (at === 0 || !/[a-z0-9]/.test(description[at - 1]!)) return true;
  }
  return false;
}

/**
 * Up to `limit` billable codes for a search box: codes starting with the query ("m54", "M54.5",
 * "s13"), in code order; then the codes everyday words name ("neck pain", "whiplash": see
 * `icd10-synonyms.ts`), most common first; then codes whose description contains every word of
 * the query ("low back"), those where each word starts a word first, then shorter descriptions,
 * then code order. A Spanish page's search (`lang` "es") also knows Spanish everyday words
 * ("dolor de cuello"); the descriptions stay in English (CMS publishes them in English only).
 * Queries under two characters find nothing.
 */
export function searchIcd10(q: string, limit = 20, lang: Lang = "en"): Icd10Entry[] {
  const query = q.trim();
  if (query.length < 2 || limit <= 0) return [];
  const { entries, lowerDescriptions } = load();
  const prefix = codePrefixOf(query);
  const results = prefix ? withPrefix(prefix).slice(0, limit) : [];
  if (results.length >= limit) return results;

  // Everyday words first ("neck pain", "whiplash"), most common code first.
  const seen = new Set(results.map((e) => e.code));
  for (const code of prefix ? [] : synonymCodes(query, lang)) {
    const description = load().byCode.get(code);
    if (description !== undefined && !seen.has(code) && results.length < limit) {
      results.push({ code, description });
      seen.add(code);
    }
  }
  const words = query
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.length === 0 || results.length >= limit) return results;
  const matches: { index: number; rank: number }[] = [];
  lowerDescriptions.forEach((description, index) => {
    if (seen.has(entries[index]!.code) || !words.every((w) => description.includes(w))) return;
    matches.push({ index, rank: words.every((w) => startsWord(description, w)) ? 0 : 1 });
  });
  matches.sort(
    (a, b) =>
      a.rank - b.rank ||
      lowerDescriptions[a.index]!.length - lowerDescriptions[b.index]!.length ||
      a.index - b.index,
  );
  for (const { index } of matches.slice(0, limit - results.length)) results.push(entries[index]!);
  return results;
}

function listCodes(children: Icd10Entry[], childCount: number, t: CodeWords): string {
  const codes = children.slice(0, 5).map((c) => c.code);
  if (childCount > codes.length) return t.some(codes, childCount - codes.length);
  return codes.length === 1 ? codes[0]! : t.either(codes);
}

type CodeWords = (typeof formMessages)["en"]["codes"];
const codeWords = (lang: Lang): CodeWords => formMessages[lang].codes;

/**
 * The schema hook for the server: an error message for a diagnosis code that must be rejected
 * (`header`, `unlisted`, `malformed`), or null (`billable`, `outside`). Messages never quote the
 * code as typed; for a header they name up to five of its billable codes (which begin with it), as
 * the domain notes ask, and leave the choice to the prescriber.
 */
export function diagnosisCodeError(code: string, lang: Lang = "en"): string | null {
  const result = checkIcd10(code);
  const t = codeWords(lang);
  switch (result.status) {
    case "billable":
    case "outside":
      return null;
    case "header":
      return t.category(listCodes(result.children, result.childCount, t));
    case "unlisted":
      return t.unlisted;
    case "malformed":
      return formMessages[lang].prescription.diagnosisCodes.notACode;
  }
}

/**
 * A notice for a code the schema accepted but staff must confirm (outside the clinic's list:
 * `outside`), or null. It never quotes the code.
 */
export function diagnosisCodeNotice(code: string, lang: Lang = "en"): string | null {
  return checkIcd10(code).status === "outside" ? codeWords(lang).outside : null;
}
