import { diagnosisCodeError, diagnosisCodeNotice } from "../src/shared/icd10";
import { prescriptionSchema } from "../src/shared/schemas/prescription";
import { submissionResource } from "./submission-resource";

/** `POST /api/prescriptions`: a prescription for massage from a prescriber or patient. */
export const prescriptions = submissionResource({
  kind: "prescription",
  schema: prescriptionSchema({ checkDiagnosisCode: diagnosisCodeError }),
  formPath: "/forms/prescription",
  formTitle: "prescription",
  notices: (input) =>
    input.diagnosisCodes.flatMap((code) => {
      const notice = diagnosisCodeNotice(code);
      return notice ? [notice] : [];
    }),
});
