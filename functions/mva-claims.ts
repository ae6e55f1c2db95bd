import { mvaClaimSchema, mvaClaimWarnings } from "../src/shared/schemas/mva-claim";
import { submissionResource } from "./submission-resource";

/** `POST /api/mva-claims`: a patient's car-accident (PIP) claim details. */
export const mvaClaims = submissionResource({
  kind: "mva_claim",
  schema: mvaClaimSchema(),
  formPath: "/forms/mva-claim",
  formTitle: "car accident claim",
  notices: (input) => mvaClaimWarnings(input),
});
