/**
 * The form scripts' words in the page's language. Spanish is fetched only on a Spanish page, so an
 * English form page ships no Spanish (and stays within its JavaScript budget).
 */
import { formsEn, type FormMessages } from "../../shared/i18n/forms-en";
import type { Lang } from "../../shared/i18n/messages";

/** The page's language (the `lang` of its `<html>`). */
export const pageLang = (): Lang => (document.documentElement.lang === "es" ? "es" : "en");

/** The forms' messages for this page. */
export function loadFormMessages(): Promise<FormMessages> {
  return pageLang() === "es"
    ? import("../../shared/i18n/forms-es").then((module) => module.formsEs)
    : Promise.resolve(formsEn);
}
