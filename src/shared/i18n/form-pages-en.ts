/**
 * The form pages' own words in English (server-side: titles, introductions, the no-JS page's
 * alerts, the plain error page, the confirmation and its receipt); `form-pages-es.ts` has the same
 * shape. The kinds' English names and next steps are the registry's (`submissions/registry.ts`).
 */
import { gfeRules } from "../good-faith-estimate";
import { prescriptionFields } from "../schemas/prescription-fields";
import { submissionKinds, type SubmissionKind } from "../submissions/registry";

/** How each kind is named on the pages. */
interface KindWords {
  /** The form's name on the receipt ("Prescription"). */
  label: string;
  /** In "open the … form again". */
  formTitle: string;
  /** A link to the form from the confirmation page. */
  sendLinkText: string;
  /** In "We received your … details". */
  confirmationNoun: string;
  nextStep: string;
}

const kindWords = (kind: SubmissionKind): KindWords => {
  const { label, formTitle, sendLinkText, confirmationNoun, nextStep } = submissionKinds[kind];
  return { label, formTitle, sendLinkText, confirmationNoun, nextStep };
};

const notSent = "Your form was NOT sent, and nothing was stored.";

export const formPagesEn = {
  errorTitle: (title: string) => `Error: ${title}`,
  ratherNot: "If you would rather not use a form,",
  consentHint:
    "We store this information in our clinic's secure database. Only our clinic staff can see it. See our",
  privacyLink: "privacy page",
  prescription: {
    title: "Send a prescription for massage",
    description:
      "Send us a prescription for massage therapy and the patient's health insurance details, so we can check coverage before the first visit.",
    lead: "Use this form to send us the details of a prescription for massage therapy. Prescribers' offices and patients can both use it. We may still ask the prescriber's office for a signed copy.",
    before:
      'Have the prescription with you, and the insurance card if you are the patient. A prescriber\'s office can leave the insurance questions empty: we will ask the patient. It takes about 5 minutes. Questions marked "(optional)" can be left empty.',
    submit: "Send prescription details",
  },
  mvaClaim: {
    title: "Send your car accident claim details",
    description:
      "Send us your auto insurance claim details after a car accident, so we can bill your Personal Injury Protection (PIP) for your massage.",
    lead: "Use this form to send us the details of your auto insurance claim. We use them to bill your Personal Injury Protection (PIP) for your massage.",
    before:
      'Have your claim number and your claim adjuster\'s phone number with you. It takes about 10 minutes. Questions marked "(optional)" can be left empty.',
    submit: "Send claim details",
  },
  goodFaithEstimate: {
    title: "Ask for a Good Faith Estimate",
    description:
      "Ask us for a written Good Faith Estimate of what your massage will cost if you do not have health insurance or will not use it.",
    lead: `If you do not have health insurance, or you will not use it for your massage, you have the right to a written Good Faith Estimate of what your care will cost. Use this form to ask for one. We will send it within ${gfeRules.requestBusinessDays} business days.`,
    before:
      'It takes about 5 minutes. Questions marked "(optional)" can be left empty. You do not need an estimate to get care from us. Learn more about your rights at',
    submit: "Ask for my estimate",
  },
  /** The no-JS form page shown again: what happened to the post as a whole. */
  alerts: {
    400: `${notSent} Our website could not read it. Check your answers below and press Send again.`,
    403: `${notSent} It did not come from our website's own page. Press Send again on this page.`,
    413: `${notSent} It is too long to send. Shorten the longest answers below and press Send again.`,
    415: `${notSent} Our website could not read it. Check your answers below and press Send again.`,
    409: `${notSent} We already received an earlier version of this form. Check your answers below and press Send again to send this one.`,
    429: `${notSent} Too many forms were sent from your connection. Wait a minute, then press Send again. Your answers are below.`,
    503: `${notSent} Our website had a problem. Your answers are below: please press Send again in a minute.`,
    scanTooLargeToRead: `${notSent} The file you chose for the signed prescription is far larger than 10 MB, so we could not read the form. Use your browser's Back button to return to your answers, then choose a smaller file or none.`,
  },
  /** The API's JSON answers that carry a message besides the field problems. */
  api: {
    payloadTooLarge: "Your form is too long to send. Shorten the longest answers and send it again.",
    unsupported: "Our website could not read your form. Reload the page and send it again.",
  },
  /** The plain page the API answers a browser's own form post with (no JavaScript). */
  errorPage: {
    title: "There is a problem with your form",
    heading: "We could not send your form yet",
    fix: (count: number) => `Please fix ${count === 1 ? "this" : `these ${count}`} and send it again`,
    notLost: "Nothing you typed is lost.",
    useBack: (form: string) => [
      `Use your browser's`,
      "Back",
      `button to return to the ${form} form: your answers are still there.`,
    ],
    backFails: "If the Back button does not work,",
    openAgain: (form: string) => `open the ${form} form again`,
  },
  kinds: {
    prescription: kindWords("prescription"),
    mva_claim: kindWords("mva_claim"),
    good_faith_estimate: kindWords("good_faith_estimate"),
  } satisfies Record<SubmissionKind, KindWords>,
  received: {
    title: "We received your form",
    notFoundTitle: "No recent form found",
    description: "Confirmation that we received your form, and what happens next.",
    phone: (phone: string) => `Phone ${phone}`,
    fax: (fax: string) => `Fax ${fax}`,
    heading: (noun: string) => `We received your ${noun} details`,
    reference: "Your reference is",
    keepReference:
      "Please write down or save this reference. Tell it to us if you contact us about this form.",
    whatYouSent: "What you sent",
    form: "Form",
    sent: "Sent",
    print:
      "To keep a copy, print this page or save it as a PDF with your browser's Print command. Health details are not shown here.",
    next: "What happens next",
    review: "Our staff will review your form, usually within two business days.",
    /** The last step, for whoever filled in the form (the prescription's `sentBy`). */
    contactBack: {
      patient: "We will contact you the way you asked, by phone or by email, to tell you what we found.",
      prescriber_office:
        "We will contact the patient the way your form asked, by phone or by email, to tell them what we found. If we have a question about the prescription, we will call you at your office.",
    },
    /** The prescription's next step when the prescriber's office sent it (the kind's own is for the patient). */
    officeNextStep:
      "We will check the patient's health insurance coverage for massage with their insurance company.",
    question: "If anything was wrong in your form, or you have a question,",
    notFoundHeading: "We could not find a recent form from this browser",
    notFoundText:
      "This page shows your reference for 30 minutes after you send a form, in the same browser. It may have been longer than that, or your browser may block cookies.",
    notSure: "If you are not sure whether your form was sent,",
    other: "Other things you can do",
    home: "Go to the home page",
  },
  /** The receipt's lines (never health details). */
  receipt: {
    patient: "Patient",
    sentBy: "Sent by",
    office: (who: string) => `The prescriber's office: ${who}`,
    thePatient: "The patient",
    prescriber: "Prescriber",
    prescription: "Prescription",
    span: (start: string, end: string, visits: number) => `${start} to ${end}, ${visits} visits`,
    insurance: "Health insurance",
    toBeCollected: prescriptionFields.insuranceCarrier.whenBlank as string,
    autoInsurer: "Auto insurance company",
    accidentDate: "Date of the accident",
  },
};

export type FormPageWords = typeof formPagesEn;
