/**
 * What every submission schema shares: field metadata for generating forms, the patient/contact
 * and closing fields every form has, and {@link formatIssues}. The field builders are in
 * `builders.ts`. Safe for the browser: nothing here imports the ICD-10 list.
 */
import * as z from "zod/mini";
import { ageOn } from "../dates";
import {
  choice,
  dateField,
  limits,
  optionalEmail,
  optionalNormalizedText,
  optionalText,
  phoneField,
  preprocess,
  readLang,
  requiredCheckbox,
  requiredText,
} from "./builders";
import type { CommonWords } from "../i18n/forms-en";

/** How a form page renders a field. */
type FieldInputType =
  | "text"
  | "email"
  | "tel"
  | "date"
  | "number"
  | "textarea"
  | "select"
  | "radio"
  | "checkbox"
  | "hidden"
  | "honeypot";

/** One field's description for a generated form; the schema holds the rules. */
export interface FieldMeta {
  label: string;
  hint?: string;
  /** Whether the field must always be filled (conditional requirements are in the hint). */
  required: boolean;
  input: FieldInputType;
  section: FormSection;
  options?: readonly { value: string; label: string }[];
  autocomplete?: string;
  maxLength?: number;
  min?: number;
  max?: number;
  /**
   * Asked only after this choice (GOV.UK conditional reveal): shown under it and needed then;
   * without JavaScript it is always shown, and its hint says when it is needed.
   */
  revealWhen?: { field: string; value: string };
  /**
   * The label worded for who is answering: `labels[value of the radio field by]`, swapped in by the
   * form's script; `label` is the neutral wording shown before the choice and without JavaScript.
   */
  wordedFor?: { by: string; labels: Record<string, string> };
  /** What staff read when the field was left empty, instead of "Not given". */
  whenBlank?: string;
}

/** Form sections in the order they appear, with their headings. */
export const formSections = {
  sender: "About you",
  patient: "About the patient",
  prescriber: "Who wrote the prescription",
  prescription: "The prescription",
  insurance: "Health insurance",
  care: "The care you would like",
  claim: "The car-accident claim",
  otherPayment: "If the claim does not pay",
  finish: "Anything else",
} as const;

export type FormSection = keyof typeof formSections;

/** One validation problem for the client: the field path and a plain-words message, never the value. */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * Zod issues → `[{ path: "diagnosisCodes.1", message }]`, dropping the submitted input zod
 * attaches, and keeping the first issue of each path: the answer stays small whatever the body.
 */
export function formatIssues(error: z.core.$ZodError): FieldIssue[] {
  const byPath = new Map<string, FieldIssue>();
  for (const issue of error.issues) {
    const path = issue.path
      .map((key) => (typeof key === "symbol" ? (key.description ?? "") : String(key)))
      .join(".");
    if (!byPath.has(path)) byPath.set(path, { path, message: issue.message });
  }
  return [...byPath.values()];
}

/**
 * An idempotency key: the forms' hidden field and the `Idempotency-Key` header. A retry with the
 * same key never stores a second submission.
 */
export const idempotencyKeyPattern = /^[A-Za-z0-9_-]{16,64}$/;

const ICD10_SHAPE = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

/**
 * An ICD-10-CM code as typed → "S13.4XXA", or null when it does not have the shape of one:
 * trims, upper-cases, removes spaces and inserts the dot after the third character
 * ("s134xxa" → "S13.4XXA", "m545" → "M54.5", "R52" → "R52"). A shape check only; whether the
 * code exists is decided by `checkIcd10` in the server-only `icd10` module.
 */
export function normalizeIcd10(input: string): string | null {
  let code = input.replace(/\s+/g, "").toUpperCase();
  if (code.length > 3 && code[3] !== ".") code = `${code.slice(0, 3)}.${code.slice(3)}`;
  return ICD10_SHAPE.test(code) ? code : null;
}

/** The patient and contact fields every submission starts with, in form order. */
export const patientFields = {
  patientFirstName: {
    label: "Patient's first name",
    required: true,
    input: "text",
    section: "patient",
    autocomplete: "given-name",
    maxLength: limits.name,
  },
  patientLastName: {
    label: "Patient's last name",
    required: true,
    input: "text",
    section: "patient",
    autocomplete: "family-name",
    maxLength: limits.name,
  },
  dateOfBirth: {
    label: "Date of birth",
    hint: "For example, 4 27 1980 (month, day, year).",
    required: true,
    input: "date",
    section: "patient",
    autocomplete: "bday",
  },
  phone: {
    label: "Phone number",
    hint: "A US number, for example (541) 555-0123.",
    required: true,
    input: "tel",
    section: "patient",
    autocomplete: "tel",
  },
  preferredContact: {
    label: "How should we contact you?",
    required: true,
    input: "radio",
    section: "patient",
    options: [
      { value: "phone", label: "Phone" },
      { value: "email", label: "Email" },
    ],
  },
  email: {
    label: "Email address",
    hint: "Needed only if you chose Email.",
    required: false,
    revealWhen: { field: "preferredContact", value: "email" },
    input: "email",
    section: "patient",
    autocomplete: "email",
    maxLength: limits.email,
  },
} as const satisfies Record<string, FieldMeta>;

/** The fields every submission ends with, in form order: message, consent, honeypot, idempotency key. */
export const closingFields = {
  message: {
    label: "Anything else we should know?",
    required: false,
    input: "textarea",
    section: "finish",
    maxLength: limits.message,
  },
  consent: {
    label: "I agree that the clinic may store this information to handle my insurance billing.",
    required: true,
    input: "checkbox",
    section: "finish",
  },
  website: {
    label: "Leave this field empty",
    required: false,
    input: "honeypot",
    section: "finish",
    autocomplete: "off",
  },
  idempotencyKey: {
    label: "Submission key",
    required: false,
    input: "hidden",
    section: "finish",
  },
  /** The form's language ("en" or "es"): the API answers in it. */
  language: {
    label: "Language",
    required: false,
    input: "hidden",
    section: "finish",
  },
} as const satisfies Record<string, FieldMeta>;

/** Schemas for {@link patientFields}; `today` bounds the date of birth; `m` says the messages. */
export function patientShape(today: () => string, m: CommonWords) {
  const t = m.patient;
  const say = m.builders;
  return {
    patientFirstName: requiredText({ ...t.patientFirstName, max: limits.name, name: true, say }),
    patientLastName: requiredText({ ...t.patientLastName, max: limits.name, name: true, say }),
    dateOfBirth: dateField({ ...t.dateOfBirth, say }, (iso) => {
      const on = today();
      if (iso >= on) return t.birthInFuture;
      if (ageOn(iso, on) > 120) return t.birthTooOld;
      return null;
    }),
    phone: phoneField(t.phone),
    preferredContact: choice(["phone", "email"], t.preferredContact),
    email: optionalEmail(t.email.invalid, t.email.tooLong),
  };
}

/** Schemas for {@link closingFields}. */
export function closingShape(m: CommonWords) {
  const t = m.closing;
  return {
    message: optionalText({ ...t.message, max: limits.message, multiline: true, say: m.builders }),
    consent: requiredCheckbox(t.consent),
    website: preprocess(
      (value) => (typeof value === "string" ? value.trim() : value == null ? "" : "filled"),
      z.string(),
    ),
    idempotencyKey: optionalNormalizedText((text) => (idempotencyKeyPattern.test(text) ? text : null), {
      invalid: t.idempotencyKey,
    }),
    // Never refused: blank is left out (English, the default); anything but "es" is English.
    language: preprocess(
      (value) => (value == null || value === "" ? undefined : readLang(value)),
      z.optional(z.enum(["en", "es"])),
    ),
  };
}

/** Cross-field rule for the patient fields: choosing email as the contact method needs an email address. */
export function checkContact(m: CommonWords) {
  return (
    value: { preferredContact: "phone" | "email"; email?: string | undefined },
    ctx: z.core.$RefinementCtx,
  ): void => {
    if (value.preferredContact === "email" && !value.email) {
      ctx.addIssue({ code: "custom", path: ["email"], message: m.patient.emailNeeded });
    }
  };
}
