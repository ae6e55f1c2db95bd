/**
 * The forms' validation messages in English (the browser checks and the API's answers), one entry
 * per field in form order; `forms-es.ts` has the same shape. Field labels and hints are the
 * fields' metadata in `src/shared/schemas/`; their Spanish is in `form-fields-es.ts`.
 */
import { usDate } from "../dates";

type DatePartName = "month" | "day" | "year";

const and = (words: string[]) =>
  words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;

export const formsEn = {
  /** A date in a sentence ("4/5/2026"; "5 de abril de 2026" in Spanish). */
  date: usDate as (iso: string) => string,
  builders: {
    unreadable: (label: string) => `We could not read one of the characters in ${label}. Type it again.`,
    useLetters: (label: string) => `Enter ${label} using letters.`,
    mustInclude: (label: string, missing: DatePartName[]) =>
      `${label} must include ${and(missing.map((part) => `a ${part}`))}.`,
    partProblem: {
      month: "the month must be a number between 1 and 12",
      day: "the day must be a number between 1 and 31",
      year: "the year must have 4 digits, for example 1980",
    } satisfies Record<DatePartName, string>,
    partLine: (label: string, problem: string) => `${label}: ${problem}.`,
    notRealDate: (label: string) => `${label} must be a real date. Check the day and the month.`,
  },
  notAnObject: "Send the form's fields, for example from the form on our website.",
  outOfDate: "This form is out of date. Reload the page and send it again.",
  keyConflict:
    "We already received this form before it was changed. Reload the form page and send it again to send the new version.",
  patient: {
    patientFirstName: {
      label: "the patient's first name",
      missing: "Enter the patient's first name.",
      tooLong: "Shorten the patient's first name to 100 characters or fewer.",
    },
    patientLastName: {
      label: "the patient's last name",
      missing: "Enter the patient's last name.",
      tooLong: "Shorten the patient's last name to 100 characters or fewer.",
    },
    dateOfBirth: {
      label: "Date of birth",
      missing: "Enter the patient's date of birth, for example 4 27 1980.",
      invalid: "Enter the patient's date of birth as month/day/year, for example 4/27/1980.",
    },
    birthInFuture: "The date of birth must be in the past. Check the year.",
    birthTooOld: "Check the year of the date of birth: it makes the patient older than 120.",
    phone: {
      missing: "Enter a phone number where we can reach the patient, for example (541) 555-0123.",
      invalid: "Enter the phone number as a 10-digit US number with area code, for example (541) 555-0123.",
    },
    preferredContact: "Choose whether we should contact you by phone or by email.",
    email: {
      invalid: "Enter the email address like name@example.com, or leave it empty.",
      tooLong: "Shorten the email address to 254 characters or fewer.",
    },
    emailNeeded: "Enter an email address so we can contact you by email, or choose phone instead.",
  },
  closing: {
    message: {
      label: "your message",
      invalid: "Write your message as text, or leave it empty.",
      tooLong: "Shorten your message to 2,000 characters or fewer.",
    },
    consent: "Tick the box to agree that we can store this information.",
    idempotencyKey: "This form's submission key is damaged. Reload the page and try again.",
  },
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
  gfe: {
    untilDate: { what: "the end date", label: "The end date", example: "6/30/2027" },
    preferredStart: { what: "the start date", label: "The start date", example: "1/12/2027" },
    dateInvalid: (what: string, example: string) =>
      `Enter ${what} as month/day/year, for example ${example}, or leave it empty.`,
    dateInPast: (what: string) => `Check ${what}: it is in the past.`,
    dateTooLate: (what: string) => `Check the year of ${what}: it is more than two years from now.`,
    coverage:
      "Choose why you are asking: you have no health insurance, or you will not use it for this care.",
    service: "Choose the kind of care: massage therapy or manual therapy.",
    sessionMinutes: (lengths: string) => `Choose the length of each visit: ${lengths} minutes.`,
    frequency: "Choose how often you would like care, for example once a week.",
    visits: {
      invalid: "Enter the number of visits as a whole number, for example 8.",
      tooFew: "The number of visits must be at least 1.",
      tooMany: (max: number) => `Enter at most ${max} visits. An estimate covers at most 12 months of care.`,
    },
    diagnosisCode:
      "Enter the diagnosis code like M54.50: a letter, two characters, then a dot and up to 4 more. Or leave it empty.",
    visitsOrEnd: "Enter how many visits, or the last date you expect care, so we can estimate the cost.",
    endBeforeStart: "The end date must be on or after the start date. Check both dates.",
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
    accidentOld:
      "The accident was more than two years ago. As we understand it, Oregon PIP only covers medical expenses incurred within two years of the injury (ORS 742.524), so the auto insurer may not pay for these visits. We will talk with you about other ways to pay.",
  },
  /** Words the form's markup and script add around the fields. */
  field: {
    optional: (label: string) => `${label} (optional)`,
    chooseOne: "Choose one",
    canWrite: (n: number) => `You can write up to ${n.toLocaleString("en-US")} characters.`,
    /** A date hint that already gives an example is not given a second one. */
    forExample: /for example/i,
    dateExample: "For example, 3 4 2026 (month, day, year).",
    parts: { month: "Month", day: "Day", year: "Year" } satisfies Record<DatePartName, string>,
    errorPrefix: "Error: ",
    errorTitle: "There is a problem",
    noCodes: "No codes found.",
    codeAdded: (code: string) => `${code} added.`,
    codesFound: (count: number) =>
      `${count} ${count === 1 ? "code" : "codes"} found. Use the down arrow key to choose one.`,
  },
  /** The form script's messages about sending. */
  browser: {
    restored: "We restored what you typed earlier.",
    clear: "Clear the form",
    cleared: "The form is empty again.",
    sending: "Sending…",
    tooMany: "Too many forms were sent from your connection. Wait a minute, then press Send again.",
    offline:
      "Your form was NOT sent: we could not reach our website. Check your internet connection. Nothing you typed is lost.",
    serverError:
      "Your form was NOT sent: our website had a problem. Nothing you typed is lost. Please try again in a moment.",
    rejected:
      "Your form was NOT sent: our website could not read it. Nothing you typed is lost. Please reload the page and try again.",
    retry: "Try again",
  },
};

export type FormMessages = typeof formsEn;
