/**
 * Everyday words patients and prescribers use for the problems massage is prescribed for, with
 * the billable ICD-10-CM codes they name, the most common one first. Sourced from the ICD-10-CM
 * Index to Diseases and Injuries (CMS, FY2026 release): "Pain, neck" → M54.2 (cervicalgia);
 * "Whiplash injury" → S13.4 (cervical sprain); "Strain, neck" → S16.1; "Pain, low back" → M54.5-;
 * "Spasm, back" → M62.830; "Sciatica" → M54.3-; "Myalgia" → M79.1-; "Fibromyalgia" → M79.7;
 * "Headache, tension" → G44.209; "Headache" → R51.9; "Pain, shoulder" → M25.51-; "Pain, thoracic
 * spine" → M54.6; "Sprain, lumbar" → S33.5; "Strain, low back" → S39.012. Every code here is in
 * the clinic's list (a unit test checks).
 */
export const icd10Synonyms: readonly { words: string; codes: readonly string[] }[] = [
  { words: "neck pain", codes: ["M54.2"] },
  { words: "whiplash", codes: ["S13.4XXA", "S16.1XXA"] },
  { words: "neck strain", codes: ["S16.1XXA", "S13.4XXA"] },
  { words: "low back pain", codes: ["M54.50", "M54.59", "M54.51"] },
  { words: "lower back pain", codes: ["M54.50", "M54.59", "M54.51"] },
  { words: "back pain", codes: ["M54.50", "M54.9", "M54.6"] },
  { words: "back spasm", codes: ["M62.830"] },
  { words: "muscle spasm", codes: ["M62.830", "M62.838"] },
  { words: "sciatica", codes: ["M54.30", "M54.31", "M54.32"] },
  { words: "muscle pain", codes: ["M79.10", "M79.18"] },
  { words: "fibromyalgia", codes: ["M79.7"] },
  { words: "tension headache", codes: ["G44.209"] },
  { words: "headache", codes: ["G44.209", "R51.9"] },
  { words: "shoulder pain", codes: ["M25.511", "M25.512", "M25.519"] },
  { words: "upper back pain", codes: ["M54.6"] },
  { words: "back sprain", codes: ["S33.5XXA", "S39.012A"] },
  { words: "back strain", codes: ["S39.012A", "S33.5XXA"] },
];

/**
 * The synonym codes a query names, in the table's order: every word of the query begins a word of
 * the everyday term ("neck" and "neck pa" both find "neck pain").
 */
export function synonymCodes(query: string): string[] {
  const typed = query
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  if (typed.length === 0 || typed.some((word) => word.length < 2)) return [];
  const codes: string[] = [];
  for (const { words, codes: named } of icd10Synonyms) {
    const termWords = words.split(" ");
    if (typed.every((word) => termWords.some((term) => term.startsWith(word)))) {
      for (const code of named) if (!codes.includes(code)) codes.push(code);
    }
  }
  return codes;
}
