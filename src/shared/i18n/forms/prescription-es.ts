/** The prescription form's own words in Spanish: the shape of `prescription-en.ts`. */
import type { PrescriptionWords } from "./prescription-en";

export const prescriptionWordsEs: PrescriptionWords = {
  prescription: {
    sentBy: "Elija quién llena este formulario: el consultorio del médico que recetó o el paciente.",
    senderName: {
      label: "su nombre",
      invalid: "Escriba su nombre como texto.",
      missing: "Escriba su nombre, para saber quién del consultorio envió este formulario.",
      tooLong: "Acorte su nombre a 100 caracteres o menos.",
    },
    senderRole: {
      label: "su puesto",
      invalid: "Escriba su puesto como texto, por ejemplo asistente médico.",
      missing: "Escriba su puesto en el consultorio, por ejemplo asistente médico.",
      tooLong: "Acorte su puesto a 60 caracteres o menos, por ejemplo asistente médico.",
    },
    senderPhone: {
      invalid:
        "Escriba el teléfono del consultorio como un número de EE. UU. de 10 dígitos con código de área, por ejemplo (541) 555-0123 x45.",
      missing:
        "Escriba su teléfono en el consultorio, por ejemplo (541) 555-0123 x45, para que podamos llamarle.",
    },
    prescriberName: {
      label: "el nombre de quien recetó",
      missing: "Escriba el nombre de quien recetó, como aparece en la receta.",
      tooLong: "Acorte el nombre de quien recetó a 100 caracteres o menos.",
    },
    prescriberCredential: "Elija el título de quien recetó (MD, DO, NP, PA, ND, DC), u Otro.",
    prescriberPhone: {
      missing: "Escriba el teléfono del consultorio de quien recetó, por ejemplo (541) 555-0123.",
      invalid:
        "Escriba el teléfono de quien recetó como un número de EE. UU. de 10 dígitos con código de área, por ejemplo (541) 555-0123 x45.",
    },
    prescriberFax:
      "Escriba el fax de quien recetó como un número de EE. UU. de 10 dígitos con código de área, o déjelo vacío.",
    prescriberNpi: {
      invalid: "Escriba el NPI con 10 dígitos, o déjelo vacío.",
      failsCheck:
        "Escriba el NPI con 10 dígitos. Compárelo con los registros de quien recetó: este no pasa la verificación del NPI.",
    },
    startDate: {
      label: "Fecha de inicio de la receta",
      missing: "Escriba la fecha de inicio de la receta, por ejemplo 3 4 2026.",
      invalid: "Escriba la fecha de inicio como mes/día/año, por ejemplo 3/4/2026.",
    },
    startTooOld:
      "La fecha de inicio es de hace más de dos años. Revise el año, o pida una receta nueva a quien recetó.",
    startTooLate: "La fecha de inicio es dentro de más de un año. Revise el año.",
    endDate: {
      label: "Fecha de fin de la receta",
      missing: "Escriba la fecha de fin de la receta, por ejemplo 6 4 2026.",
      invalid: "Escriba la fecha de fin como mes/día/año, por ejemplo 6/4/2026.",
    },
    ended: "Esta receta ya terminó. Revise la fecha de fin, o pida una receta nueva a quien recetó.",
    endBeforeStart: "La fecha de fin debe ser después de la fecha de inicio.",
    endTooLate:
      "La fecha de fin puede ser como máximo un año después de la fecha de inicio. Revise las dos fechas.",
    visitsAuthorized: {
      invalid: "Escriba el número de visitas recetadas como un número entero, por ejemplo 8.",
      tooFew: "El número de visitas recetadas debe ser por lo menos 1.",
      tooMany: "El número de visitas recetadas puede ser como máximo 60. Revise la receta.",
    },
    frequency: {
      label: "la frecuencia",
      invalid: "Escriba la frecuencia como texto, por ejemplo 1 por semana, o déjela vacía.",
      tooLong: "Acorte la frecuencia a 60 caracteres o menos, por ejemplo 1 por semana.",
    },
    diagnosisCodes: {
      missing: "Escriba por lo menos un código de diagnóstico de la receta, por ejemplo M54.50.",
      notACode:
        "Esto no está escrito como un código ICD-10. Escríbalo como aparece en la receta, por ejemplo M54.50.",
      atMost: (max) => `Escriba como máximo ${max} códigos de diagnóstico.`,
      numbered: (n, problem) => `Código de diagnóstico ${n}: ${problem}`,
    },
    focusAreas: {
      label: "las áreas a tratar",
      missing:
        "Escriba las áreas a tratar, como dice la receta, por ejemplo cuello y parte alta de la espalda.",
      tooLong: "Acorte las áreas a tratar a 500 caracteres o menos.",
    },
    insuranceCarrier: {
      label: "el nombre de la compañía de seguros",
      invalid: "Escriba el nombre de la compañía de seguro médico como texto.",
      missing: "Escriba el nombre de su compañía de seguro médico.",
      tooLong: "Acorte el nombre de la compañía de seguros a 100 caracteres o menos.",
    },
    memberId: {
      label: "el número de miembro",
      invalid: "Escriba el número de miembro de la tarjeta del seguro como texto.",
      missing: "Escriba el número de miembro de su tarjeta del seguro.",
      tooLong:
        "El número de miembro puede tener como máximo 40 caracteres. Compárelo con la tarjeta del seguro.",
    },
    groupNumber: {
      label: "el número de grupo",
      invalid: "Escriba el número de grupo de la tarjeta del seguro, o déjelo vacío.",
      tooLong:
        "El número de grupo puede tener como máximo 40 caracteres. Compárelo con la tarjeta del seguro.",
    },
  },
  codes: {
    category: (codes) =>
      `Esto es una categoría, no un código completo. Los códigos completos que contiene son ${codes}: copie el que aparece en la receta, o pregunte al consultorio de quien recetó cuál corresponde.`,
    some: (codes, more) => `${codes.join(", ")} y ${more} más`,
    either: (codes) => `${codes.slice(0, -1).join(", ")} o ${codes.at(-1)}`,
    unlisted:
      "Este no es un código ICD-10-CM vigente. Compárelo con la receta, o pida el código correcto al consultorio de quien recetó.",
    outside:
      "No solemos ver este código en recetas para masajes. Nuestro personal lo confirmará con el consultorio de quien recetó.",
  },
  scan: {
    label: "Receta firmada",
    hint: "Un escaneo o una foto de la receta firmada, si la tiene: un archivo PDF, JPEG, PNG o HEIC de hasta 10 MB.",
    progress: "Enviando la receta firmada",
    wrongType:
      "Receta firmada: este archivo no es PDF, JPEG, PNG ni HEIC. Elija un escaneo o una foto de la receta firmada en uno de esos tipos, o deje esto vacío.",
    tooLarge:
      "Receta firmada: este archivo pesa más de 10 MB. Elija un escaneo o una foto más pequeña (tome la foto otra vez con menor tamaño, o escanee a 200 dpi), o deje esto vacío.",
    empty: "Receta firmada: este archivo está vacío. Elija el escaneo o la foto otra vez, o deje esto vacío.",
    several: "Receta firmada: elija un solo archivo.",
    chooseAgain:
      "Elija el archivo otra vez: su navegador no guarda el archivo elegido cuando el formulario vuelve a aparecer.",
    sending: (percent) => `Enviando la receta firmada: ${percent}% enviado.`,
    sent: "La receta firmada ya se envió. Guardando su formulario…",
  },
  notices: {
    visitsFit: (visits, start, end, pace, most) =>
      `No caben ${visits} visitas entre el ${start} y el ${end}${pace ? ` con una frecuencia de ${pace}` : ""}: caben como máximo ${most}. Revise las fechas, el número de visitas y la frecuencia. Puede enviar el formulario de todos modos.`,
  },
};
