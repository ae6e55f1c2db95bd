/** The car-accident claim page's script: the form's enhancement and the two-year PIP notice. */
import { todayInOregon } from "../../shared/dates";
import { typedDate } from "../../shared/schemas/builders";
import { mvaClaimSchema, mvaClaimWarnings } from "../../shared/schemas/mva-claim";
import { currentValues, showFieldNotice, whenChanged } from "./field-notice";
import type { MvaClaimMessages } from "../../shared/i18n/forms-en";
import { formMessagesOfPage } from "./form-words";
import { enhanceSubmissionForm } from "./submission-form";

const form = document.querySelector<HTMLFormElement>('form[data-submission-form="mva-claim"]');
const accidentDate = form?.querySelector<HTMLElement>('[data-field="accidentDate"]');
const notice = form?.querySelector<HTMLElement>('[data-notice-for="accidentDate"]');

/** Shows the schema's warnings for the date as typed; a date that does not parse shows none (that is an error, on send). */
function updateNotice(messages: MvaClaimMessages): void {
  if (!form || !accidentDate || !notice) return;
  const iso = typedDate(currentValues(form), "accidentDate", messages.builders);
  const today = todayInOregon();
  const warnings = iso && iso <= today ? mvaClaimWarnings({ accidentDate: iso }, messages, today) : [];
  showFieldNotice(accidentDate, notice, warnings.join(" "));
}

if (form) {
  const messages = formMessagesOfPage("mva_claim");
  const update = () => updateNotice(messages);
  enhanceSubmissionForm({ form, messages, schema: mvaClaimSchema({ messages }), onRestore: update });
  whenChanged([accidentDate], update);
}
