/**
 * The signed prescription a sender may attach to the prescription form: which files are taken
 * (PDF, JPEG, PNG, HEIC), how large, and the one rule that decides a file's type — its first
 * bytes, never its name or the type the browser declares. The browser checks a chosen file with
 * it before sending and the API checks the stored bytes again. Safe for the browser.
 */

/** The one kind of submission a scan can be sent with. */
export const scanKind = "prescription";

/** The form field (and multipart part) that carries the file. */
export const scanField = "signedPrescription";

import type { FormMessages } from "./i18n/forms-en";

/** Largest file taken: 10 MB. */
export const maxScanBytes = 10 * 1024 * 1024;

/** How many leading bytes the type check reads. */
export const scanSniffBytes = 16;

/** One accepted type: what staff see, the stored content type, the download's file extension. */
export interface ScanType {
  label: string;
  contentType: string;
  extension: string;
}

const pdf: ScanType = { label: "PDF", contentType: "application/pdf", extension: "pdf" };
const jpeg: ScanType = { label: "JPEG", contentType: "image/jpeg", extension: "jpg" };
const png: ScanType = { label: "PNG", contentType: "image/png", extension: "png" };
const heic: ScanType = { label: "HEIC", contentType: "image/heic", extension: "heic" };

/** Every content type a stored scan can have (migration 0009 checks the same list). */
export const scanContentTypes = [pdf, jpeg, png, heic].map((type) => type.contentType);

// ISO/IEC 23008-12 (HEIF) brands an iPhone or scanner app writes in the `ftyp` box.
const heifBrands = new Set(["heic", "heix", "heim", "heis", "hevc", "mif1", "msf1"]);

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);

/** The type of a file from its first bytes (at least {@link scanSniffBytes} of them), or null. */
export function sniffScanType(bytes: Uint8Array): ScanType | null {
  if (ascii(bytes, 0, 5) === "%PDF-") return pdf;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return jpeg;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return png;
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === "ftyp" && heifBrands.has(ascii(bytes, 8, 12))) return heic;
  return null;
}

/** The type for a stored content type (for the download's extension and label). */
export function scanTypeOf(contentType: string): ScanType | undefined {
  return [pdf, jpeg, png, heic].find((type) => type.contentType === contentType);
}

/** What is wrong with a file of `size` bytes starting with `head`, or null when it can be sent. */
export function scanProblem(size: number, head: Uint8Array, m: FormMessages["scan"]): string | null {
  if (size === 0) return m.empty;
  if (size > maxScanBytes) return m.tooLarge;
  return sniffScanType(head) ? null : m.wrongType;
}

/** "1.2 MB", "340 KB": a file size as staff read it. */
export function scanSizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
