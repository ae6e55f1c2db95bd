/** The accident (PIP) claim form's own words in English (the shared ones are in `common-en.ts`). */
export const mvaClaimWordsEn = {
  mva: {
    autoInsurer: {
      label: "the auto insurance company's name",
      missing: "Enter the name of the auto insurance company handling the claim.",
      tooLong: "Shorten the auto insurance company's name to 100 characters or fewer.",
    },
    claimNumber: {
      label: "the claim number",
      missing: "Enter the claim number the auto insurance company gave you.",
      tooLong: "The claim number can be at most 40 characters. Check it against the insurer's letter.",
    },
    claimNumberCharacters:
      "Enter the claim number using only letters, digits, dashes and spaces, as the insurer wrote it.",
    accidentDate: {
      label: "Date of the accident",
      missing: "Enter the date of the accident, for example 3 4 2026.",
      invalid: "Enter the date of the accident as month/day/year, for example 3/4/2026.",
    },
    accidentInFuture: "The date of the accident cannot be in the future. Check the date.",
    accidentTooOld: "The date of the accident is more than ten years ago. Check the year.",
    adjusterName: {
      label: "the claim adjuster's name",
      missing: "Enter the name of the claim adjuster at the auto insurance company.",
      tooLong: "Shorten the claim adjuster's name to 100 characters or fewer.",
    },
    adjusterPhone: {
      missing: "Enter the claim adjuster's phone number, for example (541) 555-0123 x45.",
      invalid:
        "Enter the claim adjuster's phone as a 10-digit US number with area code, for example (541) 555-0123 x45.",
    },
    adjusterEmail: {
      invalid: "Enter the claim adjuster's email like name@example.com, or leave it empty.",
      tooLong: "Shorten the claim adjuster's email to 254 characters or fewer.",
    },
    policyNumber: {
      label: "the auto policy number",
      invalid: "Enter the auto policy number as on the insurance card, or leave it empty.",
      tooLong: "The auto policy number can be at most 40 characters. Check it against the insurance card.",
    },
    claimWithOwnInsurer:
      "Choose whether the claim is with your own auto insurance company: yes, no or not sure.",
    atFaultInsurer: {
      label: "the other driver's insurance company",
      invalid: "Enter the other driver's insurance company as text, or leave it empty.",
      tooLong: "Shorten the other driver's insurance company to 100 characters or fewer.",
    },
    prescriptionSent: "Choose whether your doctor or chiropractor has sent us a prescription: yes or no.",
    healthInsuranceFallback: {
      label: "the health insurance company's name",
      invalid: "Enter your health insurance company as text, or leave it empty.",
      tooLong: "Shorten the health insurance company's name to 100 characters or fewer.",
    },
    attorneyName: {
      label: "the attorney's name",
      invalid: "Enter the attorney's name as text, or leave it empty.",
      tooLong: "Shorten the attorney's name to 100 characters or fewer.",
    },
    attorneyPhone: "Enter the attorney's phone as a 10-digit US number with area code, or leave it empty.",
  },
  /** Non-blocking notices beside a field. */
  notices: {
    accidentOld:
      "The accident was more than two years ago. As we understand it, Oregon PIP only covers medical expenses incurred within two years of the injury (ORS 742.524), so the auto insurer may not pay for these visits. We will talk with you about other ways to pay.",
  },
};

export type MvaClaimWords = typeof mvaClaimWordsEn;
