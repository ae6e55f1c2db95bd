/**
 * CSV for spreadsheets (RFC 4180): CRLF line ends, every field quoted, quotes doubled. A cell a
 * spreadsheet could read as a formula gets a leading `'`, so a patient-typed `=HYPERLINK(…)` shows
 * as text (OWASP "CSV injection"): one that starts with a tab, carriage return or line feed, and
 * one whose first character after any leading whitespace or invisible characters is `=`, `+`,
 * `-`, `@` or `|`, or their full-width forms (`＝`, `＋`, `－`, `＠`, `｜`), which some spreadsheets
 * fold to the ASCII ones. Spreadsheets skip leading spaces before a formula, so checking only the
 * very first character is not enough.
 */
import { submissionLanguages } from "../../src/shared/submissions/languages";
import { csvColumns, kindSpec, type CsvColumn } from "../../src/shared/submissions/registry";
import { statusLabels } from "../../src/shared/submissions/statuses";
import type { ExportedSubmission } from "../db/queue";

const FORMULA_START = /^(?:[\t\r\n]|[\s\p{Cc}\p{Cf}]*[=+\-@|＝＋－＠｜])/u;

export type CsvValue = string | number | null | undefined;

/** True when a spreadsheet could read `text` as a formula (or DDE command). */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** One cell: quoted, inner quotes doubled, formula starts neutralised; empty for null/undefined. */
export function csvCell(value: CsvValue): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (looksLikeFormula(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** A whole file: the header row, then one row per record, each line ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map(csvLine).join("");
}

function csvLine(row: readonly CsvValue[]): string {
  return `${row.map(csvCell).join(",")}\r\n`;
}

/** The start of the queue's CSV export: a byte-order mark (so Excel reads "José" as UTF-8) and the header. */
export function submissionsCsvHeader(): string {
  return `\uFEFF${toCsv(csvColumns, [])}`;
}

/**
 * Rows of the queue's CSV export: one line per submission, the registry's `csvColumns` in order,
 * each filled from what every submission has or from its kind's `csv`.
 */
export function submissionsCsvLines(rows: readonly ExportedSubmission[]): string {
  const lines = rows.map(({ submission, columns }) => {
    const spec = kindSpec(submission.kind);
    const input = submission.input;
    const values: Partial<Record<CsvColumn, CsvValue>> = {
      Reference: submission.reference,
      Kind: spec.label,
      Status: statusLabels[submission.status],
      Received: submission.receivedAt,
      "Last name": input.patientLastName,
      "First name": input.patientFirstName,
      "Date of birth": input.dateOfBirth,
      Phone: input.phone,
      "Visits used": submission.visitsUsed,
      Language: submissionLanguages[submission.language],
      ...spec.csv(input, columns),
    };
    return csvColumns.map((column) => values[column]);
  });
  return lines.map(csvLine).join("");
}
