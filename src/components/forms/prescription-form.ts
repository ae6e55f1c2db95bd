/** The prescription page's script: the form's enhancement, the signed prescription's upload and the diagnosis-code combobox. */
import { prescriptionSchema } from "../../shared/schemas/prescription";
import { enhanceIcd10Combobox } from "./icd10-combobox";
import { enhanceScanUpload } from "./scan-upload";
import { enhanceSubmissionForm } from "./submission-form";

const form = document.querySelector<HTMLFormElement>('form[data-submission-form="prescription"]');
if (form) {
  // No `checkDiagnosisCode`: the code list stays on the server, which checks each code on send.
  enhanceSubmissionForm({ form, schema: prescriptionSchema(), ...enhanceScanUpload(form) });
  for (const input of form.querySelectorAll<HTMLInputElement>("input[data-combobox]"))
    enhanceIcd10Combobox(input);
}
