/**
 * US phone numbers as people type them, normalised to "(541) 555-0123". Only North
 * American Numbering Plan numbers are accepted: area code and exchange start with 2–9.
 */

const ALLOWED = /^\+?[\d\s().-]+$/;
const NANP = /^([2-9]\d{2})([2-9]\d{2})(\d{4})$/;
const EXTENSION = /^(.*?)[\s,;]*(?:extension|ext\.?|x|#)\s*(\d{1,6})$/i;

/**
 * "541-555-0123", "541.555.0123", "(541) 555 0123", "+1 541 555 0123" or "15415550123"
 * → "(541) 555-0123"; null for anything else, including numbers with an extension.
 */
export function normalizeUsPhone(input: string): string | null {
  const text = input.trim();
  if (!ALLOWED.test(text)) return null;
  let digits = text.replace(/\D/g, "");
  if (digits.length === 11 && digits.startsWith("1")) digits = digits.slice(1);
  else if (text.startsWith("+")) return null;
  const match = NANP.exec(digits);
  return match ? `(${match[1]}) ${match[2]}-${match[3]}` : null;
}

/**
 * Like {@link normalizeUsPhone}, also accepting an extension written "ext. 45", "ext 45",
 * "extension 45", "x45" or "#45": "541-555-0123 x45" → "(541) 555-0123 ext. 45".
 */
export function normalizeUsPhoneWithExtension(input: string): string | null {
  const match = EXTENSION.exec(input.trim());
  if (!match) return normalizeUsPhone(input);
  const number = normalizeUsPhone(match[1]!);
  return number ? `${number} ext. ${match[2]}` : null;
}
