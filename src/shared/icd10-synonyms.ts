import type { Lang } from "./i18n/messages";

/**
 * Everyday words patients and prescribers use for the problems massage is prescribed for, with
 * the billable ICD-10-CM codes they name, the most common one first. Sourced from the ICD-10-CM
 * Index to Diseases and Injuries (CMS, FY2026 release): "Pain, neck" → M54.2 (cervicalgia);
 * "Whiplash injury" → S13.4 (cervical sprain); "Strain, neck" → S16.1; "Pain, low back" → M54.5-;
 * "Spasm, back" → M62.830; "Sciatica" → M54.3-; "Myalgia" → M79.1-; "Fibromyalgia" → M79.7;
 * "Headache, tension" → G44.209; "Headache" → R51.9; "Pain, shoulder" → M25.51-; "Pain, thoracic
 * spine" → M54.6; "Sprain, lumbar" → S33.5; "Strain, low back" → S39.012. Every code here is in
 * the clinic's list (a unit test checks). `es` holds the everyday Spanish words for the same
 * problem (ICD-10-CM has no official Spanish edition: these are the words patients use, for the
 * search only; the codes' names stay in English).
 */
export const icd10Synonyms: readonly { words: string; es?: readonly string[]; codes: readonly string[] }[] = [
  { words: "neck pain", es: ["dolor de cuello", "dolor cervical", "cervicalgia"], codes: ["M54.2"] },
  { words: "whiplash", es: ["latigazo cervical", "latigazo"], codes: ["S13.4XXA", "S16.1XXA"] },
  {
    words: "neck strain",
    es: ["distensión de cuello"],
    codes: ["S16.1XXA", "S13.4XXA"],
  },
  {
    words: "low back pain",
    es: ["dolor lumbar", "dolor de espalda baja", "dolor de la parte baja de la espalda", "lumbago"],
    codes: ["M54.50", "M54.59", "M54.51"],
  },
  { words: "lower back pain", codes: ["M54.50", "M54.59", "M54.51"] },
  { words: "back pain", es: ["dolor de espalda"], codes: ["M54.50", "M54.9", "M54.6"] },
  { words: "back spasm", es: ["espasmo de espalda"], codes: ["M62.830"] },
  { words: "muscle spasm", es: ["espasmo muscular"], codes: ["M62.830", "M62.838"] },
  { words: "sciatica", es: ["ciática"], codes: ["M54.30", "M54.31", "M54.32"] },
  { words: "muscle pain", es: ["dolor muscular", "mialgia"], codes: ["M79.10", "M79.18"] },
  { words: "fibromyalgia", es: ["fibromialgia"], codes: ["M79.7"] },
  { words: "tension headache", es: ["dolor de cabeza tensional", "cefalea tensional"], codes: ["G44.209"] },
  { words: "headache", es: ["dolor de cabeza", "cefalea"], codes: ["G44.209", "R51.9"] },
  { words: "shoulder pain", es: ["dolor de hombro"], codes: ["M25.511", "M25.512", "M25.519"] },
  { words: "upper back pain", es: ["dolor de espalda alta", "dolor dorsal"], codes: ["M54.6"] },
  {
    words: "back sprain",
    es: ["esguince de espalda", "torcedura de espalda", "esguince lumbar"],
    codes: ["S33.5XXA", "S39.012A"],
  },
  { words: "back strain", es: ["distensión de espalda"], codes: ["S39.012A", "S33.5XXA"] },
];

/** Little Spanish words a search skips ("dolor de cuello" is "dolor cuello"). */
const spanishLittleWords = new Set([
  "de",
  "del",
  "la",
  "las",
  "el",
  "los",
  "en",
  "y",
  "a",
  "al",
  "mi",
  "me",
  "un",
  "una",
  "por",
  "con",
]);

/** Lower case without accents, split into words ("Ciática" → ["ciatica"]). */
function plainWords(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

/**
 * The words of a query or a term that a search compares, in `lang`. Spanish skips little words,
 * unless they are all there is ("mi" may be the start of "mialgia").
 */
function searchWords(text: string, lang: Lang): string[] {
  if (lang === "en")
    return text
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter(Boolean);
  const words = plainWords(text);
  const kept = words.filter((word) => !spanishLittleWords.has(word));
  return kept.length > 0 ? kept : words;
}

/** The everyday terms a page in `lang` searches: Spanish ones first, then the English (prescriptions are often written in English). */
function termsFor(lang: Lang): { words: string[]; codes: readonly string[] }[] {
  const english = icd10Synonyms.map(({ words, codes }) => ({ words: searchWords(words, "en"), codes }));
  if (lang === "en") return english;
  const spanish = icd10Synonyms.flatMap(({ es = [], codes }) =>
    es.map((words) => ({ words: searchWords(words, "es"), codes })),
  );
  return [...spanish, ...english];
}

const terms = { en: termsFor("en"), es: termsFor("es") };

/**
 * The synonym codes a query names, in the table's order: every word of the query begins a word of
 * the everyday term ("neck" and "neck pa" both find "neck pain"). On a Spanish page the Spanish
 * terms come first and accents and little words do not count ("ciatica" finds "ciática", "dolor
 * cuello" finds "dolor de cuello").
 */
export function synonymCodes(query: string, lang: Lang = "en"): string[] {
  const typed = searchWords(query, lang);
  if (typed.length === 0 || typed.some((word) => word.length < 2)) return [];
  const codes: string[] = [];
  for (const { words: termWords, codes: named } of terms[lang]) {
    if (typed.every((word) => termWords.some((term) => term.startsWith(word)))) {
      for (const code of named) if (!codes.includes(code)) codes.push(code);
    }
  }
  return codes;
}
