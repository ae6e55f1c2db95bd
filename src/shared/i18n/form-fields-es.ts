/**
 * The forms' field labels, hints and choices in Spanish, laid over the English field metadata in
 * `src/shared/schemas/` (which stays the one truth for rules, order and input types). Each kind's
 * table is typed from its English fields: a missing field, hint, choice or sender wording is a
 * type error.
 */
import { clinic } from "../clinic";
import type { FieldMeta, FormSection } from "../schemas/common";
import type { goodFaithEstimateFields } from "../schemas/good-faith-estimate";
import type { mvaClaimFields } from "../schemas/mva-claim";
import type { prescriptionFields } from "../schemas/prescription-fields";
import type { SubmissionKind } from "../submissions/registry";

type OptionValues<M> = M extends { options: readonly { value: infer V extends string }[] } ? V : never;

/** One field's words: its label, and its hint, choices and sender wordings when the English has them. */
type FieldText<M> = { label: string } & (M extends { hint: string } ? { hint: string } : unknown) &
  ([OptionValues<M>] extends [never] ? unknown : { options: Record<OptionValues<M>, string> }) &
  (M extends { wordedFor: { labels: infer L } } ? { worded: Record<keyof L, string> } : unknown);

type FieldsText<F> = { [K in keyof F]: FieldText<F[K]> };

/** The forms' section headings in Spanish (staff read the English ones). */
export const spanishSections: Record<FormSection, string> = {
  sender: "Sobre usted",
  patient: "Sobre el paciente",
  prescriber: "Quién escribió la receta",
  prescription: "La receta",
  insurance: "Seguro médico",
  care: "La atención que quiere",
  claim: "El reclamo del accidente de auto",
  otherPayment: "Si el reclamo no paga",
  finish: "Algo más",
};

const phoneHint = "Por ejemplo (541) 555-0123; agregue la extensión, como x45, si la tiene.";
const yesNo = { yes: "Sí", no: "No" } as const;

const patient = {
  patientFirstName: { label: "Nombre del paciente" },
  patientLastName: { label: "Apellido del paciente" },
  dateOfBirth: { label: "Fecha de nacimiento", hint: "Por ejemplo, 4 27 1980 (mes, día, año)." },
  phone: { label: "Número de teléfono", hint: "Un número de EE. UU., por ejemplo (541) 555-0123." },
  preferredContact: {
    label: "¿Cómo debemos comunicarnos con usted?",
    options: { phone: "Teléfono", email: "Correo electrónico" },
  },
  email: { label: "Correo electrónico", hint: "Solo si eligió Correo electrónico." },
} as const;

const closing = {
  message: { label: "¿Hay algo más que debamos saber?" },
  website: { label: "Deje este campo vacío" },
  idempotencyKey: { label: "Clave de envío" },
  language: { label: "Idioma" },
} as const;

const prescription: FieldsText<typeof prescriptionFields> = {
  sentBy: {
    label: "¿Quién llena este formulario?",
    options: { prescriber_office: "El consultorio de quien recetó", patient: "El paciente" },
  },
  senderName: {
    label: "Su nombre",
    hint: "Solo si trabaja en el consultorio de quien recetó: así sabemos a quién llamar.",
  },
  senderRole: {
    label: "Su puesto en el consultorio",
    hint: "Por ejemplo asistente médico, enfermera o recepción.",
  },
  senderPhone: { label: "Su teléfono en el consultorio", hint: phoneHint },
  ...patient,
  preferredContact: {
    label: "¿Cómo debemos comunicarnos con el paciente?",
    options: patient.preferredContact.options,
    worded: {
      patient: "¿Cómo debemos comunicarnos con usted?",
      prescriber_office: "¿Cómo debemos comunicarnos con el paciente?",
    },
  },
  prescriberName: {
    label: "Nombre de quien recetó",
    hint: "El médico u otro proveedor que escribió la receta.",
  },
  prescriberCredential: {
    label: "Título de quien recetó",
    options: {
      MD: "MD (médico)",
      DO: "DO (médico osteópata)",
      NP: "NP (enfermera practicante)",
      PA: "PA (asociado médico)",
      ND: "ND (médico naturópata)",
      DC: "DC (quiropráctico)",
      other: "Otro",
    },
  },
  prescriberPhone: { label: "Teléfono del consultorio de quien recetó", hint: phoneHint },
  prescriberFax: { label: "Fax del consultorio de quien recetó" },
  prescriberNpi: {
    label: "Número NPI de quien recetó",
    hint: "10 dígitos, muchas veces impresos en la receta. Déjelo vacío si no lo tiene.",
  },
  startDate: {
    label: "Fecha de inicio",
    hint: "La fecha en que se escribió la receta o en que empieza. Por ejemplo, 3 4 2026 (mes, día, año).",
  },
  endDate: {
    label: "Fecha de fin",
    hint: "La fecha en que vence la receta, como máximo un año después del inicio. Por ejemplo, 6 4 2026.",
  },
  visitsAuthorized: { label: "Número de visitas recetadas" },
  frequency: { label: "Frecuencia", hint: "Por ejemplo 1 por semana." },
  diagnosisCodes: {
    label: "Códigos de diagnóstico (ICD-10)",
    hint: "Como aparecen en la receta, por ejemplo M54.50 o S13.4XXA. Separe varios códigos con comas. Los nombres de los códigos están en inglés.",
  },
  focusAreas: {
    label: "Áreas a tratar",
    hint: "Como dice la receta, por ejemplo cuello y parte alta de la espalda.",
  },
  insuranceCarrier: {
    label: "Compañía de seguro médico",
    hint: "El consultorio de quien recetó puede dejar vacías las preguntas del seguro: se las haremos al paciente.",
    worded: {
      patient: "Compañía de seguro médico",
      prescriber_office: "Compañía de seguro médico (opcional)",
    },
  },
  memberId: {
    label: "Número de miembro",
    hint: "De la tarjeta del seguro.",
    worded: { patient: "Número de miembro", prescriber_office: "Número de miembro (opcional)" },
  },
  groupNumber: { label: "Número de grupo", hint: "De la tarjeta del seguro, si tiene uno." },
  ...closing,
  consent: {
    label:
      "Acepto que la clínica guarde esta información para tramitar la facturación al seguro del paciente.",
    worded: {
      patient: "Acepto que la clínica guarde esta información para tramitar la facturación a mi seguro.",
      prescriber_office:
        "El paciente aceptó que la clínica guarde esta información para tramitar la facturación a su seguro.",
    },
  },
};

const mvaClaim: FieldsText<typeof mvaClaimFields> = {
  ...patient,
  autoInsurer: { label: "Compañía de seguro de auto que lleva el reclamo" },
  claimNumber: { label: "Número de reclamo" },
  accidentDate: { label: "Fecha del accidente", hint: "Por ejemplo, 3 4 2026 (mes, día, año)." },
  adjusterName: { label: "Nombre del ajustador de reclamos" },
  adjusterPhone: { label: "Teléfono del ajustador de reclamos", hint: phoneHint },
  adjusterEmail: { label: "Correo electrónico del ajustador de reclamos" },
  policyNumber: { label: "Número de póliza de auto" },
  claimWithOwnInsurer: {
    label: "¿El reclamo es con su propia compañía de seguro de auto?",
    hint: "Si el reclamo es con su propia aseguradora de auto, su Protección contra Lesiones Personales (PIP) puede pagarnos a medida que recibe atención, sin importar quién tuvo la culpa.",
    options: { ...yesNo, "not-sure": "No estoy seguro" },
  },
  atFaultInsurer: {
    label: "La compañía de seguro de auto del otro conductor",
    hint: "Si otro conductor tuvo la culpa y usted sabe cuál es su aseguradora.",
  },
  prescriptionSent: {
    label: "¿Su médico o quiropráctico ya nos envió una receta para masajes?",
    options: yesNo,
  },
  healthInsuranceFallback: {
    label: "Compañía de seguro médico",
    hint: "Si no hay cobertura de PIP, tal vez pueda usar su seguro médico, o podemos hablar de otras formas de pagar.",
  },
  attorneyName: { label: "Nombre del abogado", hint: "Si un abogado le representa por este accidente." },
  attorneyPhone: { label: "Teléfono del abogado" },
  ...closing,
  consent: {
    label: "Acepto que la clínica guarde esta información para tramitar la facturación a mi seguro.",
  },
};

const goodFaithEstimate: FieldsText<typeof goodFaithEstimateFields> = {
  ...patient,
  coverage: {
    label: "¿Por qué pide un estimado?",
    options: {
      uninsured: "No tengo seguro médico",
      not_using_insurance: "Tengo seguro, pero no lo voy a usar para esta atención",
    },
  },
  service: {
    label: "Tipo de atención",
    hint: "¿No está seguro? Elija masoterapia: lo revisaremos con usted.",
    options: { "97124": "Masoterapia", "97140": "Terapia manual" },
  },
  sessionMinutes: {
    label: "Duración de cada visita",
    options: Object.fromEntries(clinic.sessionLengths.map((m) => [String(m), `${m} minutos`])),
  },
  frequency: {
    label: "Frecuencia",
    options: {
      once: "Una visita",
      twice_weekly: "Dos veces por semana",
      weekly: "Una vez por semana",
      every_two_weeks: "Cada dos semanas",
      monthly: "Una vez al mes",
    },
  },
  visits: {
    label: "Cuántas visitas",
    hint: "Déjelo vacío si da una fecha de fin. Para una sola visita, déjelo vacío.",
  },
  untilDate: {
    label: "O: hasta cuándo",
    hint: "La última fecha en que espera recibir atención, por ejemplo 6/30/2027. Un estimado cubre como máximo 12 meses.",
  },
  preferredStart: {
    label: "¿Cuándo quiere empezar?",
    hint: "Por ejemplo 1/12/2027. Déjelo vacío si no está seguro.",
  },
  diagnosisCode: {
    label: "Código de diagnóstico (ICD-10), si lo tiene",
    hint: "De una nota del médico, por ejemplo M54.50. Déjelo vacío si no lo tiene.",
  },
  ...closing,
  consent: {
    label: "Acepto que la clínica guarde esta información para preparar mi Estimado de Buena Fe.",
  },
};

/** Any field's Spanish words, as the overlay reads them. */
interface AnyFieldText {
  label: string;
  hint?: string;
  options?: Record<string, string>;
  worded?: Record<string, string>;
}

const spanish: Record<SubmissionKind, Record<string, AnyFieldText>> = {
  prescription,
  mva_claim: mvaClaim,
  good_faith_estimate: goodFaithEstimate,
};

/** A kind's fields in Spanish: the English metadata with the Spanish words laid over it. */
export function spanishFields(
  kind: SubmissionKind,
  fields: Record<string, FieldMeta>,
): Record<string, FieldMeta> {
  const words = spanish[kind];
  return Object.fromEntries(
    Object.entries(fields).map(([name, meta]) => {
      const text = words[name];
      if (!text) return [name, meta];
      return [
        name,
        {
          ...meta,
          label: text.label,
          hint: text.hint ?? meta.hint,
          options: meta.options?.map((option) => ({
            value: option.value,
            label: text.options?.[option.value] ?? option.label,
          })),
          wordedFor:
            meta.wordedFor && text.worded ? { ...meta.wordedFor, labels: text.worded } : meta.wordedFor,
        } satisfies FieldMeta,
      ];
    }),
  );
}
