/**
 * The form scripts' words in the page's language. `FormWords.astro` puts the words script of the
 * page's form and language (`words/`) before the form's script, so a form page ships the shared
 * words and its own form's in one language, and has them as soon as its script runs.
 */
import type {
  GoodFaithEstimateMessages,
  MvaClaimMessages,
  PrescriptionMessages,
} from "../../shared/i18n/forms-en";
import type { Lang } from "../../shared/i18n/messages";

/** The page's language (the `lang` of its `<html>`). */
export const pageLang = (): Lang => (document.documentElement.lang === "es" ? "es" : "en");

/** What each form's script reads: the shared words and that form's own. */
interface WordsOfForm {
  prescription: PrescriptionMessages;
  mva_claim: MvaClaimMessages;
  good_faith_estimate: GoodFaithEstimateMessages;
}
type Form = keyof WordsOfForm;

const pageWords: Partial<WordsOfForm> = {};

/** Called by the words script of the page's form and language: a form and that form's words. */
export function provideFormMessages(...[form, messages]: { [F in Form]: [F, WordsOfForm[F]] }[Form]): void {
  Object.assign(pageWords, { [form]: messages });
}

/** The words of `form` on this page (the page renders `FormWords.astro` before its form script). */
export function formMessagesOfPage<F extends Form>(form: F): WordsOfForm[F] {
  const words = pageWords[form];
  if (!words) throw new Error(`FormWords.astro (kind="${form}") must come before the form's script`);
  return words;
}
