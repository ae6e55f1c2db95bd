/**
 * Characters no typed text may keep: C0 controls other than tab, line feed and carriage return,
 * DEL, and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make text
 * display differently from what it says. Invisible in a form, harmful in staff pages and CSV
 * files; a leading U+0000 also made SQLite's length() read 0.
 */
const invisibleCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

/** True when `text` holds none of the invisible characters (for zod's `refine`). */
export function hasNoInvisibleCharacters(text: string): boolean {
  return text.search(invisibleCharacters) === -1;
}

/** `text` without its invisible characters. */
export function removeInvisibleCharacters(text: string): string {
  return text.replace(invisibleCharacters, "");
}
