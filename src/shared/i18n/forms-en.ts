/**
 * The forms' validation messages in English (the browser checks and the API's answers): the words
 * every form shares and each form's own, one entry per field in form order (in `forms/`), put
 * together for the server; `forms-es.ts` has the same shape. A form page's script gets only the
 * shared words and its own form's (`src/components/forms/FormWords.astro`). Field labels and hints
 * are the fields' metadata in `src/shared/schemas/`; their Spanish is in `form-fields-es.ts`.
 */
import { commonWordsEn, type CommonWords } from "./forms/common-en";
import { goodFaithEstimateWordsEn, type GoodFaithEstimateWords } from "./forms/good-faith-estimate-en";
import { mvaClaimWordsEn, type MvaClaimWords } from "./forms/mva-claim-en";
import { prescriptionWordsEn, type PrescriptionWords } from "./forms/prescription-en";

export const formsEn = {
  ...commonWordsEn,
  ...prescriptionWordsEn,
  ...mvaClaimWordsEn,
  ...goodFaithEstimateWordsEn,
  notices: { ...prescriptionWordsEn.notices, ...mvaClaimWordsEn.notices },
};

/** Every form's words: what the server answers with. */
export type FormMessages = typeof formsEn;
/** What each form's browser checks read: the shared words and that form's own. */
export type PrescriptionMessages = CommonWords & PrescriptionWords;
export type MvaClaimMessages = CommonWords & MvaClaimWords;
export type GoodFaithEstimateMessages = CommonWords & GoodFaithEstimateWords;
export type { CommonWords };
