/** The forms' validation messages in Spanish: the shape of `forms-en.ts`, so a missing key is a type error. */
import { spanishDate } from "../dates";
import type { FormMessages } from "./forms-en";

const partNames = { month: "el mes", day: "el día", year: "el año" } as const;

const y = (words: string[]) =>
  words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} y ${words.at(-1)}`;

export const formsEs: FormMessages = {
  date: spanishDate,
  builders: {
    unreadable: (label) => `No pudimos leer uno de los caracteres en ${label}. Escríbalo otra vez.`,
    useLetters: (label) => `Escriba ${label} con letras.`,
    mustInclude: (label, missing) => `${label}: falta ${y(missing.map((part) => partNames[part]))}.`,
    partProblem: {
      month: "el mes debe ser un número del 1 al 12",
      day: "el día debe ser un número del 1 al 31",
      year: "el año debe tener 4 dígitos, por ejemplo 1980",
    },
    partLine: (label, problem) => `${label}: ${problem}.`,
    notRealDate: (label) => `${label}: esa fecha no existe. Revise el día y el mes.`,
  },
  notAnObject: "Envíe los campos del formulario, por ejemplo desde el formulario de nuestro sitio web.",
  outOfDate: "Este formulario ya no está al día. Vuelva a cargar la página y envíelo otra vez.",
  keyConflict:
    "Ya recibimos este formulario antes de que lo cambiara. Vuelva a cargar la página del formulario y envíelo otra vez para mandar la versión nueva.",
  patient: {
    patientFirstName: {
      label: "el nombre del paciente",
      missing: "Escriba el nombre del paciente.",
      tooLong: "Acorte el nombre del paciente a 100 caracteres o menos.",
    },
    patientLastName: {
      label: "el apellido del paciente",
      missing: "Escriba el apellido del paciente.",
      tooLong: "Acorte el apellido del paciente a 100 caracteres o menos.",
    },
    dateOfBirth: {
      label: "Fecha de nacimiento",
      missing: "Escriba la fecha de nacimiento del paciente, por ejemplo 4 27 1980.",
      invalid: "Escriba la fecha de nacimiento del paciente como mes/día/año, por ejemplo 4/27/1980.",
    },
    birthInFuture: "La fecha de nacimiento debe ser en el pasado. Revise el año.",
    birthTooOld:
      "Revise el año de la fecha de nacimiento: según esa fecha, el paciente tiene más de 120 años.",
    phone: {
      missing: "Escriba un número de teléfono donde podamos llamar al paciente, por ejemplo (541) 555-0123.",
      invalid:
        "Escriba el teléfono como un número de EE. UU. de 10 dígitos con código de área, por ejemplo (541) 555-0123.",
    },
    preferredContact: "Elija si debemos comunicarnos con usted por teléfono o por correo electrónico.",
    email: {
      invalid: "Escriba el correo electrónico como nombre@ejemplo.com, o déjelo vacío.",
      tooLong: "Acorte el correo electrónico a 254 caracteres o menos.",
    },
    emailNeeded: "Escriba un correo electrónico para que podamos escribirle, o elija teléfono.",
  },
  closing: {
    message: {
      label: "su mensaje",
      invalid: "Escriba su mensaje como texto, o déjelo vacío.",
      tooLong: "Acorte su mensaje a 2,000 caracteres o menos.",
    },
    consent: "Marque la casilla para aceptar que guardemos esta información.",
    idempotencyKey:
      "La clave de envío de este formulario está dañada. Vuelva a cargar la página e inténtelo otra vez.",
  },
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
  mva: {
    autoInsurer: {
      label: "el nombre de la compañía de seguro de auto",
      missing: "Escriba el nombre de la compañía de seguro de auto que lleva el reclamo.",
      tooLong: "Acorte el nombre de la compañía de seguro de auto a 100 caracteres o menos.",
    },
    claimNumber: {
      label: "el número de reclamo",
      missing: "Escriba el número de reclamo que le dio la compañía de seguro de auto.",
      tooLong:
        "El número de reclamo puede tener como máximo 40 caracteres. Compárelo con la carta de la aseguradora.",
    },
    claimNumberCharacters:
      "Escriba el número de reclamo solo con letras, números, guiones y espacios, como lo escribió la aseguradora.",
    accidentDate: {
      label: "Fecha del accidente",
      missing: "Escriba la fecha del accidente, por ejemplo 3 4 2026.",
      invalid: "Escriba la fecha del accidente como mes/día/año, por ejemplo 3/4/2026.",
    },
    accidentInFuture: "La fecha del accidente no puede ser en el futuro. Revise la fecha.",
    accidentTooOld: "La fecha del accidente es de hace más de diez años. Revise el año.",
    adjusterName: {
      label: "el nombre del ajustador de reclamos",
      missing: "Escriba el nombre del ajustador de reclamos de la compañía de seguro de auto.",
      tooLong: "Acorte el nombre del ajustador de reclamos a 100 caracteres o menos.",
    },
    adjusterPhone: {
      missing: "Escriba el teléfono del ajustador de reclamos, por ejemplo (541) 555-0123 x45.",
      invalid:
        "Escriba el teléfono del ajustador como un número de EE. UU. de 10 dígitos con código de área, por ejemplo (541) 555-0123 x45.",
    },
    adjusterEmail: {
      invalid: "Escriba el correo electrónico del ajustador como nombre@ejemplo.com, o déjelo vacío.",
      tooLong: "Acorte el correo electrónico del ajustador a 254 caracteres o menos.",
    },
    policyNumber: {
      label: "el número de póliza de auto",
      invalid: "Escriba el número de póliza de auto como aparece en la tarjeta del seguro, o déjelo vacío.",
      tooLong:
        "El número de póliza de auto puede tener como máximo 40 caracteres. Compárelo con la tarjeta del seguro.",
    },
    claimWithOwnInsurer:
      "Elija si el reclamo es con su propia compañía de seguro de auto: sí, no o no estoy seguro.",
    atFaultInsurer: {
      label: "la compañía de seguros del otro conductor",
      invalid: "Escriba la compañía de seguros del otro conductor como texto, o déjela vacía.",
      tooLong: "Acorte la compañía de seguros del otro conductor a 100 caracteres o menos.",
    },
    prescriptionSent: "Elija si su médico o quiropráctico ya nos envió una receta: sí o no.",
    healthInsuranceFallback: {
      label: "el nombre de la compañía de seguro médico",
      invalid: "Escriba su compañía de seguro médico como texto, o déjela vacía.",
      tooLong: "Acorte el nombre de la compañía de seguro médico a 100 caracteres o menos.",
    },
    attorneyName: {
      label: "el nombre del abogado",
      invalid: "Escriba el nombre del abogado como texto, o déjelo vacío.",
      tooLong: "Acorte el nombre del abogado a 100 caracteres o menos.",
    },
    attorneyPhone:
      "Escriba el teléfono del abogado como un número de EE. UU. de 10 dígitos con código de área, o déjelo vacío.",
  },
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
    accidentOld:
      "El accidente fue hace más de dos años. Según entendemos, el PIP (Protección contra Lesiones Personales) de Oregon solo cubre gastos médicos de los dos años después de la lesión (ORS 742.524), así que puede que la aseguradora de auto no pague estas visitas. Hablaremos con usted de otras formas de pagar.",
  },
  field: {
    optional: (label) => `${label} (opcional)`,
    chooseOne: "Elija una opción",
    canWrite: (n) => `Puede escribir hasta ${n.toLocaleString("en-US")} caracteres.`,
    forExample: /por ejemplo/i,
    dateExample: "Por ejemplo, 3 4 2026 (mes, día, año).",
    parts: { month: "Mes", day: "Día", year: "Año" },
    errorPrefix: "Error: ",
    errorTitle: "Hay un problema",
    noCodes: "No se encontraron códigos.",
    codeAdded: (code) => `Se agregó el código ${code}.`,
    codesFound: (count) =>
      `${count} ${count === 1 ? "código encontrado" : "códigos encontrados"}. Use la flecha hacia abajo para elegir uno.`,
  },
  browser: {
    restored: "Recuperamos lo que escribió antes.",
    clear: "Borrar el formulario",
    cleared: "El formulario está vacío otra vez.",
    sending: "Enviando…",
    tooMany:
      "Se enviaron demasiados formularios desde su conexión. Espere un minuto y vuelva a oprimir Enviar.",
    offline:
      "Su formulario NO se envió: no pudimos comunicarnos con nuestro sitio web. Revise su conexión a internet. No se perdió nada de lo que escribió.",
    serverError:
      "Su formulario NO se envió: nuestro sitio web tuvo un problema. No se perdió nada de lo que escribió. Inténtelo otra vez en un momento.",
    rejected:
      "Su formulario NO se envió: nuestro sitio web no pudo leerlo. No se perdió nada de lo que escribió. Vuelva a cargar la página e inténtelo otra vez.",
    retry: "Intentar otra vez",
  },
};
