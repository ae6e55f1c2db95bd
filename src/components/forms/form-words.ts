/**
 * The form scripts' words in the page's language. `FormWords.astro` puts the words script of the
 * page's language (`words/english.ts` or `words/spanish.ts`) before the form's script, so a form
 * page ships one language's words and has them as soon as its script runs.
 */
import type { FormMessages } from "../../shared/i18n/forms-en";
import type { Lang } from "../../shared/i18n/messages";

/** The page's language (the `lang` of its `<html>`). */
export const pageLang = (): Lang => (document.documentElement.lang === "es" ? "es" : "en");

let pageWords: FormMessages | undefined;

/** Called by the words script of the page's language. */
export function provideFormMessages(messages: FormMessages): void {
  pageWords = messages;
}

/** The forms' messages for this page (the page renders `FormWords.astro` before its form script). */
export function formMessagesOfPage(): FormMessages {
  if (!pageWords) throw new Error("FormWords.astro must come before the form's script");
  return pageWords;
}
