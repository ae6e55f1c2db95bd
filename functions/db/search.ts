/**
 * A staff search term as an FTS5 query for `submissions_search`. Every word is a quoted phrase
 * with a prefix star (`"núñ"*`), so no typed character is ever FTS5 syntax: quotes are doubled,
 * and `AND`, `NEAR`, `*`, `^` or `:` are plain text inside the quotes. Words must all match
 * (in any column); the whole term without separators also matches the compact reference and
 * claim number (`RX7K3Q`, `CLM-2026-001` typed as `CLM2026001`, or the other way round).
 */

const INVISIBLE = /[\p{Cf}\p{Cc}]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"*`;
}

/** The MATCH expression for `term`, or null when it holds no letter or digit (nothing matches). */
export function searchMatch(term: string): string | null {
  const text = term.replace(INVISIBLE, "");
  const words = text.split(/\s+/).filter((word) => LETTER_OR_DIGIT.test(word));
  if (words.length === 0) return null;
  const all = words.map(phrase).join(" AND ");
  const compact = text.replace(/[^\p{L}\p{N}]/gu, "");
  if (words.length === 1 && compact === words[0]) return all;
  return `(${all}) OR search_ids : ${phrase(compact)}`;
}
