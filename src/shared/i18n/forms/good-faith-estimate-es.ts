/** The Good Faith Estimate request's own words in Spanish: the shape of `good-faith-estimate-en.ts`. */
import type { GoodFaithEstimateWords } from "./good-faith-estimate-en";

export const goodFaithEstimateWordsEs: GoodFaithEstimateWords = {
  gfe: {
    untilDate: { what: "la fecha de fin", label: "La fecha de fin", example: "6/30/2027" },
    preferredStart: { what: "la fecha de inicio", label: "La fecha de inicio", example: "1/12/2027" },
    dateInvalid: (what, example) =>
      `Escriba ${what} como mes/día/año, por ejemplo ${example}, o déjela vacía.`,
    dateInPast: (what) => `Revise ${what}: es una fecha pasada.`,
    dateTooLate: (what) => `Revise el año de ${what}: es dentro de más de dos años.`,
    coverage: "Elija por qué lo pide: no tiene seguro médico, o no lo va a usar para esta atención.",
    service: "Elija el tipo de atención: masoterapia o terapia manual.",
    sessionMinutes: (lengths) => `Elija la duración de cada visita: ${lengths} minutos.`,
    frequency: "Elija con qué frecuencia quiere la atención, por ejemplo una vez por semana.",
    visits: {
      invalid: "Escriba el número de visitas como un número entero, por ejemplo 8.",
      tooFew: "El número de visitas debe ser por lo menos 1.",
      tooMany: (max) =>
        `Escriba como máximo ${max} visitas. Un estimado cubre como máximo 12 meses de atención.`,
    },
    diagnosisCode:
      "Escriba el código de diagnóstico como M54.50: una letra, dos caracteres, luego un punto y hasta 4 más. O déjelo vacío.",
    visitsOrEnd:
      "Escriba cuántas visitas, o la última fecha en que espera recibir atención, para que podamos calcular el costo.",
    endBeforeStart:
      "La fecha de fin debe ser el mismo día o después de la fecha de inicio. Revise las dos fechas.",
  },
};
