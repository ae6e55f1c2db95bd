/**
 * The language a submission was sent in, as staff see it (the desk stays in English). The form
 * sends it as `language`; it is stored in its own column (migration 0011), not among the sealed
 * answers, and anything but "es" counts as English, the default.
 */
import type { Lang } from "../i18n/messages";

export type SubmissionLanguage = Lang;

/** Each of the site's languages in the desk's words. */
export const submissionLanguages: Record<SubmissionLanguage, string> = { en: "English", es: "Spanish" };

/** The language an incoming submission's answers carry (English unless they say Spanish). */
export function submissionLanguageOf(input: object): SubmissionLanguage {
  return (input as { language?: unknown }).language === "es" ? "es" : "en";
}

/** The answers without their language, which has its own column. */
export function withoutLanguage<T extends object>(input: T): Omit<T, "language"> {
  const { language: _language, ...answers } = input as T & { language?: unknown };
  return answers;
}
