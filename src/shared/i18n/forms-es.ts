/** The forms' validation messages in Spanish, put together as `forms-en.ts` does the English. */
import { commonWordsEs } from "./forms/common-es";
import { goodFaithEstimateWordsEs } from "./forms/good-faith-estimate-es";
import { mvaClaimWordsEs } from "./forms/mva-claim-es";
import { prescriptionWordsEs } from "./forms/prescription-es";
import type { FormMessages } from "./forms-en";

export const formsEs: FormMessages = {
  ...commonWordsEs,
  ...prescriptionWordsEs,
  ...mvaClaimWordsEs,
  ...goodFaithEstimateWordsEs,
  notices: { ...prescriptionWordsEs.notices, ...mvaClaimWordsEs.notices },
};
