/** The prescription form's own words in English (the shared ones are in `common-en.ts`). */
export const prescriptionWordsEn = {
  prescription: {
    sentBy: "Choose who is filling in this form: the prescriber's office or the patient.",
    senderName: {
      label: "your name",
      invalid: "Enter your name as text.",
      missing: "Enter your name, so we know who at the prescriber's office sent this form.",
      tooLong: "Shorten your name to 100 characters or fewer.",
    },
    senderRole: {
      label: "your role",
      invalid: "Enter your role as text, for example medical assistant.",
      missing: "Enter your role at the prescriber's office, for example medical assistant.",
      tooLong: "Shorten your role to 60 characters or fewer, for example medical assistant.",
    },
    senderPhone: {
      invalid:
        "Enter your office phone as a 10-digit US number with area code, for example (541) 555-0123 x45.",
      missing:
        "Enter your phone number at the office, for example (541) 555-0123 x45, so we can call you back.",
    },
    prescriberName: {
      label: "the prescriber's name",
      missing: "Enter the prescriber's name, as on the prescription.",
      tooLong: "Shorten the prescriber's name to 100 characters or fewer.",
    },
    prescriberCredential: "Choose the prescriber's credential (MD, DO, NP, PA, ND, DC), or Other.",
    prescriberPhone: {
      missing: "Enter the prescriber's office phone number, for example (541) 555-0123.",
      invalid:
        "Enter the prescriber's phone as a 10-digit US number with area code, for example (541) 555-0123 x45.",
    },
    prescriberFax: "Enter the prescriber's fax as a 10-digit US number with area code, or leave it empty.",
    prescriberNpi: {
      invalid: "Enter the NPI as 10 digits, or leave it empty.",
      failsCheck:
        "Enter the NPI as 10 digits. Check it against the prescriber's records — this one does not pass the NPI check.",
    },
    startDate: {
      label: "Prescription start date",
      missing: "Enter the prescription's start date, for example 3 4 2026.",
      invalid: "Enter the start date as month/day/year, for example 3/4/2026.",
    },
    startTooOld:
      "The start date is more than two years ago. Check the year, or ask the prescriber for a new prescription.",
    startTooLate: "The start date is more than a year from now. Check the year.",
    endDate: {
      label: "Prescription end date",
      missing: "Enter the prescription's end date, for example 6 4 2026.",
      invalid: "Enter the end date as month/day/year, for example 6/4/2026.",
    },
    ended:
      "This prescription has already ended. Check the end date, or ask the prescriber for a new prescription.",
    endBeforeStart: "The end date must be after the start date.",
    endTooLate: "The end date can be at most one year after the start date. Check both dates.",
    visitsAuthorized: {
      invalid: "Enter the number of visits prescribed as a whole number, for example 8.",
      tooFew: "The number of visits prescribed must be at least 1.",
      tooMany: "The number of visits prescribed can be at most 60. Check the prescription.",
    },
    frequency: {
      label: "how often",
      invalid: "Enter how often as text, for example 1 per week, or leave it empty.",
      tooLong: "Shorten how often to 60 characters or fewer, for example 1 per week.",
    },
    diagnosisCodes: {
      missing: "Enter at least one diagnosis code from the prescription, for example M54.50.",
      notACode:
        "This is not written like an ICD-10 code. Enter it as on the prescription, for example M54.50.",
      atMost: (max: number) => `Enter at most ${max} diagnosis codes.`,
      numbered: (n: number, problem: string) => `Diagnosis code ${n}: ${problem}`,
    },
    focusAreas: {
      label: "the areas to treat",
      missing: "Enter the areas to treat, as noted on the prescription, for example neck and upper back.",
      tooLong: "Shorten the areas to treat to 500 characters or fewer.",
    },
    insuranceCarrier: {
      label: "the insurance company's name",
      invalid: "Enter the name of the health insurance company as text.",
      missing: "Enter the name of your health insurance company.",
      tooLong: "Shorten the insurance company's name to 100 characters or fewer.",
    },
    memberId: {
      label: "the member ID",
      invalid: "Enter the member ID from the insurance card as text.",
      missing: "Enter the member ID from your insurance card.",
      tooLong: "The member ID can be at most 40 characters. Check it against the insurance card.",
    },
    groupNumber: {
      label: "the group number",
      invalid: "Enter the group number from the insurance card, or leave it empty.",
      tooLong: "The group number can be at most 40 characters. Check it against the insurance card.",
    },
  },
  /** The server's ICD-10 list check (the code list itself stays on the server). */
  codes: {
    category: (codes: string) =>
      `This is a category, not a complete code. The complete codes under it are ${codes}: copy the one on the prescription, or ask the prescriber's office which applies.`,
    some: (codes: string[], more: number) => `${codes.join(", ")} and ${more} more`,
    either: (codes: string[]) => `${codes.slice(0, -1).join(", ")} or ${codes.at(-1)}`,
    unlisted:
      "This is not a current ICD-10-CM code. Check it against the prescription, or ask the prescriber's office for the right code.",
    outside:
      "We do not usually see this code on massage prescriptions. Our staff will confirm it with the prescriber's office.",
  },
  /** The signed prescription's file field (its types and size rule are in scan-types.ts). */
  scan: {
    label: "Signed prescription",
    hint: "A scan or photo of the signed prescription, if you have one: a PDF, JPEG, PNG or HEIC file of up to 10 MB.",
    progress: "Sending the signed prescription",
    wrongType:
      "Signed prescription: this file is not a PDF, JPEG, PNG or HEIC file. Choose a scan or photo of the signed prescription in one of those types, or leave this empty.",
    tooLarge:
      "Signed prescription: this file is larger than 10 MB. Choose a smaller scan or photo (take the photo again at a lower size, or scan at 200 dpi), or leave this empty.",
    empty: "Signed prescription: this file is empty. Choose the scan or photo again, or leave this empty.",
    several: "Signed prescription: choose one file only.",
    chooseAgain: "Choose the file again: your browser does not keep a chosen file when the form comes back.",
    sending: (percent: number) => `Sending the signed prescription: ${percent}% sent.`,
    sent: "The signed prescription is sent. Saving your form…",
  },
  /** Non-blocking notices beside a field. */
  notices: {
    visitsFit: (visits: number, start: string, end: string, pace: string | undefined, most: number) =>
      `${visits} visits cannot fit between ${start} and ${end}${pace ? ` at ${pace}` : ""}: at most ${most} can. Check the dates, the number of visits and how often. You can still send the form.`,
  },
};

export type PrescriptionWords = typeof prescriptionWordsEn;
