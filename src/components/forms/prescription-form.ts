/**
 * The prescription page's script: the form's enhancement, the signed prescription's upload, the
 * diagnosis-code combobox and the visits notice.
 */
import { prescriptionSchema, typedVisitsNotice } from "../../shared/schemas/prescription";
import { currentValues, showFieldNotice, whenChanged } from "./field-notice";
import { enhanceIcd10Combobox } from "./icd10-combobox";
import { enhanceScanUpload } from "./scan-upload";
import type { PrescriptionMessages } from "../../shared/i18n/forms-en";
import { formMessagesOfPage } from "./form-words";
import { enhanceSubmissionForm } from "./submission-form";

const form = document.querySelector<HTMLFormElement>('form[data-submission-form="prescription"]');
const visits = form?.querySelector<HTMLInputElement>("#visitsAuthorized");
const notice = form?.querySelector<HTMLElement>('[data-notice-for="visitsAuthorized"]');

function updateNotice(messages: PrescriptionMessages): void {
  if (form && visits && notice)
    showFieldNotice(visits, notice, typedVisitsNotice(currentValues(form), messages) ?? "");
}

if (form) {
  const messages = formMessagesOfPage("prescription");
  const update = () => updateNotice(messages);
  // No `checkDiagnosisCode`: the code list stays on the server, which checks each code on send.
  enhanceSubmissionForm({
    form,
    messages,
    schema: prescriptionSchema({ messages }),
    onRestore: update,
    ...enhanceScanUpload(form, messages),
  });
  for (const input of form.querySelectorAll<HTMLInputElement>("input[data-combobox]"))
    enhanceIcd10Combobox(input, messages);
  const read = ["startDate", "endDate", "visitsAuthorized", "frequency"];
  whenChanged(
    read.map((name) => form.querySelector(`[data-field="${name}"]`)),
    update,
  );
}
