/**
 * CSV for spreadsheets (RFC 4180): CRLF line ends, every field quoted, quotes doubled. A cell a
 * spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, carriage return first; OWASP "CSV
 * injection") gets a leading `'`, so a patient-typed `=HYPERLINK(…)` shows as text.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null | undefined;

/** One cell: quoted, inner quotes doubled, formula starts neutralised; empty for null/undefined. */
export function csvCell(value: CsvValue): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** A whole file: the header row, then one row per record, each line ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}
