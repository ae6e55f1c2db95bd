/**
 * The prescription page's script: the form's enhancement, the signed prescription's upload, the
 * diagnosis-code combobox and the visits notice.
 */
import { prescriptionSchema, typedVisitsNotice } from "../../shared/schemas/prescription";
import { currentValues, showFieldNotice, whenChanged } from "./field-notice";
import { enhanceIcd10Combobox } from "./icd10-combobox";
import { enhanceScanUpload } from "./scan-upload";
import { enhanceSubmissionForm, pageLang } from "./submission-form";

const form = document.querySelector<HTMLFormElement>('form[data-submission-form="prescription"]');
const visits = form?.querySelector<HTMLInputElement>("#visitsAuthorized");
const notice = form?.querySelector<HTMLElement>('[data-notice-for="visitsAuthorized"]');

function updateNotice(): void {
  if (form && visits && notice)
    showFieldNotice(visits, notice, typedVisitsNotice(currentValues(form), pageLang()) ?? "");
}

if (form) {
  // No `checkDiagnosisCode`: the code list stays on the server, which checks each code on send.
  enhanceSubmissionForm({
    form,
    schema: prescriptionSchema({ lang: pageLang() }),
    onRestore: updateNotice,
    ...enhanceScanUpload(form),
  });
  for (const input of form.querySelectorAll<HTMLInputElement>("input[data-combobox]"))
    enhanceIcd10Combobox(input);
  const read = ["startDate", "endDate", "visitsAuthorized", "frequency"];
  whenChanged(
    read.map((name) => form.querySelector(`[data-field="${name}"]`)),
    updateNotice,
  );
}
