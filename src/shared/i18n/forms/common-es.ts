/** The words every form shares, in Spanish: the shape of `common-en.ts`, so a missing key is a type error. */
import { spanishDate } from "../../dates";
import type { CommonWords } from "./common-en";

const partNames = { month: "el mes", day: "el día", year: "el año" } as const;

const y = (words: string[]) =>
  words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} y ${words.at(-1)}`;

export const commonWordsEs: CommonWords = {
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
