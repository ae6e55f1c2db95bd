/**
 * The words every form shares, in English: the date and its parts, the patient's fields, the
 * closing fields, the words around the fields and the sending messages. Each form's own words are
 * in its file beside this one; `../forms-en.ts` puts them together, and `forms-es.ts` has the same
 * shape in Spanish. A form page's words script sends only these and its own form's words.
 */
import { usDate } from "../../dates";

type DatePartName = "month" | "day" | "year";

const and = (words: string[]) =>
  words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;

export const commonWordsEn = {
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

export type CommonWords = typeof commonWordsEn;
