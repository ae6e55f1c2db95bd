/**
 * The form scripts' words in the page's language. Each language is its own chunk, fetched only on
 * a page in that language, so a form page ships the words of one language (and stays within its
 * JavaScript budget in either).
 */
import type { FormMessages } from "../../shared/i18n/forms-en";
import type { Lang } from "../../shared/i18n/messages";

/** The page's language (the `lang` of its `<html>`). */
export const pageLang = (): Lang => (document.documentElement.lang === "es" ? "es" : "en");

/** The forms' messages for this page. */
export function loadFormMessages(): Promise<FormMessages> {
  return pageLang() === "es"
    ? import("../../shared/i18n/forms-es").then((module) => module.formsEs)
    : import("../../shared/i18n/forms-en").then((module) => module.formsEn);
}
