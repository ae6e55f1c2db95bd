/**
 * The message catalogue: every string a patient can see that code (not the content collection)
 * produces on the translated pages. `es` must have exactly the shape of `en` — a missing or extra
 * key is a type error — and test/unit/messages.test.ts checks that no Spanish string is left in
 * English. Clinic facts (name, address, rates, contact) are never written here: they are arguments.
 */
import type { PublicPath } from "../site-pages";
import { estimatorEn } from "./estimator-en";
import { estimatorEs } from "./estimator-es";
import { formsEn } from "./forms-en";
import { formsEs } from "./forms-es";

/** The site's languages: English at today's URLs, Spanish under /es. */
export type Lang = "en" | "es";

const en = {
  /** The name of this language, in itself: the language switch shows the other one's. */
  languageName: "English",
  switchLabel: "Read this page in English",
  layout: {
    skipLink: "Skip to main content",
    mainNav: "Main",
    footerNav: "Footer",
    languageNav: "Language",
    licensed: "licensed massage therapy",
    privacy: "Privacy",
    sendClaim: "Send car accident claim details",
    printedFrom: "Printed from",
    /** Said after links to pages that have no translation yet (the forms); empty in English. */
    englishOnly: "",
  },
  nav: {
    "/": "Home",
    "/insurance": "Insurance",
    "/pricing": "Pricing",
    "/estimate": "Cost estimator",
    "/mva": "Car accidents",
    "/forms/prescription": "Send a prescription",
    "/forms/mva-claim": "Send claim details",
    "/forms/good-faith-estimate": "Ask for an estimate",
    "/privacy": "Privacy",
  } satisfies Record<PublicPath, string>,
  contact: {
    call: (phone: string) => `call ${phone}`,
    email: (email: string) => `email ${email}`,
    mail: (address: string) => `write to or visit us at ${address}`,
    or: "or",
    callHeader: (phone: string) => `Call ${phone}`,
    faxHeader: (fax: string) => `Fax ${fax}`,
    stripLabel: "Contact us",
  },
  howToSchedule: {
    heading: "How to schedule",
    toSchedule: "To schedule a visit,",
    checkFirst: "If you plan to use health insurance, please check your coverage first. Our",
    checklistLink: "checklist of questions to ask your insurance company",
    canHelp: "can help.",
  },
  visit: {
    visitingUs: "Visiting us",
    weAreAt: (address: string) => `We are at ${address}.`,
    headings: {
      hours: "Opening hours",
      parking: "Parking",
      access: "Step-free access",
      whatToBring: "What to bring to your visit",
      cancellationPolicy: "If you need to cancel or change a visit",
    },
  },
  serverError: {
    title: "Something went wrong",
    heading: "Something went wrong on our side",
    lead: "This page could not be shown. Nothing you did caused it.",
    tryAgain: "Go back and try again in a minute.",
    call: (phone: string) => `If it keeps happening, please call us at ${phone}.`,
    noPhone: "If it keeps happening, please contact the clinic.",
  },
  notFound: {
    title: "Page not found",
    description: "We can't find that page.",
    heading: "We can't find that page",
    lead: "The page may have moved, or the web address may have a typo.",
    mayHelp: "These pages may help:",
    links: {
      "/": "Home page",
      "/insurance": "Guide to using health insurance for massage",
      "/pricing": "Pricing",
      "/estimate": "Cost estimator",
      "/mva": "Guide to massage after a car accident",
    } satisfies Partial<Record<PublicPath, string>>,
    stillNeedHelp: "If you still need help,",
  },
  gfeNotice: {
    heading: "Your right to a Good Faith Estimate",
    right:
      "You have the right to receive a Good Faith Estimate explaining how much your care will cost. If you do not have health insurance, or you will not use it, we must give you a written estimate of the expected charges before your care. Ask for one when you book, or any time before.",
    dispute: (threshold: string, days: number) =>
      `If you receive a bill that is at least ${threshold} more than your Good Faith Estimate, you can dispute the bill within ${days} days of the date on the bill. Disputing will not affect your care.`,
    askLink: "Ask for a Good Faith Estimate",
    moreInfo: "For more information about your rights, visit",
  },
  sendPrescription: {
    onlinePrefix: "Use our",
    onlineLink: "online prescription form",
    email: "Email it to",
    fax: "Fax it to",
    mail: "Mail it to",
  },
  pricing: {
    region: "Prices by session length (scrolls sideways)",
    caption: "Price by session length, if you pay at your visit",
    length: "Session length",
    units: "15-minute units",
    price: "Price",
    minutes: (n: number) => `${n} minutes`,
    cpt: { "97124": "massage therapy", "97140": "manual therapy" },
  },
  /** Small whole numbers in words, for sentences such as "seven years". */
  estimator: estimatorEn,
  /** The forms' validation messages. */
  forms: formsEn,
  numberWords: ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
};

export type Messages = typeof en;

const es: Messages = {
  languageName: "Español",
  switchLabel: "Lea esta página en español",
  layout: {
    skipLink: "Saltar al contenido principal",
    mainNav: "Principal",
    footerNav: "Pie de página",
    languageNav: "Idioma",
    licensed: "masoterapia con licencia",
    privacy: "Privacidad",
    sendClaim: "Enviar los datos del reclamo del accidente de auto",
    printedFrom: "Impreso de",
    englishOnly: " (en inglés)",
  },
  nav: {
    "/": "Inicio",
    "/insurance": "Seguro médico",
    "/pricing": "Precios",
    "/estimate": "Calcular el costo",
    "/mva": "Accidentes de auto",
    "/forms/prescription": "Enviar una receta",
    "/forms/mva-claim": "Enviar datos del reclamo",
    "/forms/good-faith-estimate": "Pedir un estimado",
    "/privacy": "Privacidad",
  },
  contact: {
    call: (phone) => `llame al ${phone}`,
    email: (email) => `escriba a ${email}`,
    mail: (address) => `escríbanos o visítenos en ${address}`,
    or: "o",
    callHeader: (phone) => `Llame al ${phone}`,
    faxHeader: (fax) => `Fax: ${fax}`,
    stripLabel: "Comuníquese con nosotros",
  },
  howToSchedule: {
    heading: "Cómo hacer una cita",
    toSchedule: "Para hacer una cita,",
    checkFirst: "Si piensa usar su seguro médico, primero revise su cobertura. Nuestra",
    checklistLink: "lista de preguntas para su compañía de seguros",
    canHelp: "puede ayudarle.",
  },
  visit: {
    visitingUs: "Cómo visitarnos",
    weAreAt: (address) => `Estamos en ${address}.`,
    headings: {
      hours: "Horario",
      parking: "Estacionamiento",
      access: "Acceso sin escalones",
      whatToBring: "Qué traer a su visita",
      cancellationPolicy: "Si necesita cancelar o cambiar una visita",
    },
  },
  serverError: {
    title: "Algo salió mal",
    heading: "Algo salió mal de nuestro lado",
    lead: "No pudimos mostrar esta página. Usted no hizo nada malo.",
    tryAgain: "Regrese e intente de nuevo en un minuto.",
    call: (phone: string) => `Si vuelve a pasar, llámenos al ${phone}.`,
    noPhone: "Si vuelve a pasar, comuníquese con la clínica.",
  },
  notFound: {
    title: "No encontramos la página",
    description: "No encontramos esa página.",
    heading: "No encontramos esa página",
    lead: "Puede que la página se haya movido, o que la dirección web tenga un error.",
    mayHelp: "Estas páginas pueden ayudarle:",
    links: {
      "/": "Página de inicio",
      "/insurance": "Guía para usar su seguro médico para masajes",
      "/pricing": "Precios",
      "/estimate": "Calcular el costo",
      "/mva": "Guía de masajes después de un accidente de auto",
    },
    stillNeedHelp: "Si todavía necesita ayuda,",
  },
  gfeNotice: {
    heading: "Su derecho a un Estimado de Buena Fe",
    right:
      "Usted tiene derecho a recibir un Estimado de Buena Fe (Good Faith Estimate) que explique cuánto costará su atención. Si no tiene seguro médico, o no lo va a usar, debemos darle por escrito un estimado de los cargos esperados antes de su atención. Pídalo cuando haga su cita, o en cualquier momento antes.",
    dispute: (threshold, days) =>
      `Si recibe una factura de al menos ${threshold} más que su Estimado de Buena Fe, puede disputar la factura dentro de los ${days} días después de la fecha de la factura. Disputar la factura no afectará su atención.`,
    askLink: "Pida un Estimado de Buena Fe",
    moreInfo: "Para más información sobre sus derechos, visite",
  },
  sendPrescription: {
    onlinePrefix: "Use nuestro",
    onlineLink: "formulario de recetas en línea",
    email: "Envíela por correo electrónico a",
    fax: "Envíela por fax al",
    mail: "Envíela por correo postal a",
  },
  pricing: {
    region: "Precios según la duración de la sesión (se desplaza hacia los lados)",
    caption: "Precio según la duración de la sesión, si paga en su visita",
    length: "Duración de la sesión",
    units: "Unidades de 15 minutos",
    price: "Precio",
    minutes: (n) => `${n} minutos`,
    cpt: { "97124": "masoterapia (masaje terapéutico)", "97140": "terapia manual" },
  },
  estimator: estimatorEs,
  forms: formsEs,
  numberWords: ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"],
};

export const messages: Record<Lang, Messages> = { en, es };
