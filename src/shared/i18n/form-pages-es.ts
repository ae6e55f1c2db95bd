/** The form pages' own words in Spanish: the shape of `form-pages-en.ts`, so a missing key is a type error. */
import { gfeRules } from "../good-faith-estimate";
import type { FormPageWords } from "./form-pages-en";

const notSent = "Su formulario NO se envió, y no se guardó nada.";

export const formPagesEs: FormPageWords = {
  errorTitle: (title) => `Error: ${title}`,
  ratherNot: "Si prefiere no usar un formulario,",
  consentHint:
    "Guardamos esta información en la base de datos segura de nuestra clínica. Solo el personal de la clínica puede verla. Vea nuestra",
  privacyLink: "página de privacidad",
  prescription: {
    title: "Enviar una receta para masajes",
    description:
      "Envíenos una receta para masoterapia y los datos del seguro médico del paciente, para revisar la cobertura antes de la primera visita.",
    lead: "Use este formulario para enviarnos los datos de una receta para masoterapia. Lo pueden usar el consultorio de quien recetó y también el paciente. Puede que igual le pidamos al consultorio una copia firmada.",
    before:
      'Tenga a mano la receta, y la tarjeta del seguro si usted es el paciente. El consultorio de quien recetó puede dejar vacías las preguntas del seguro: se las haremos al paciente. Toma unos 5 minutos. Las preguntas marcadas "(opcional)" se pueden dejar vacías.',
    submit: "Enviar los datos de la receta",
  },
  mvaClaim: {
    title: "Enviar los datos del reclamo de su accidente de auto",
    description:
      "Envíenos los datos del reclamo a su seguro de auto después de un accidente, para cobrar sus masajes a su Protección contra Lesiones Personales (PIP).",
    lead: "Use este formulario para enviarnos los datos del reclamo a su seguro de auto. Los usamos para cobrar sus masajes a su Protección contra Lesiones Personales (PIP).",
    before:
      'Tenga a mano su número de reclamo y el teléfono de su ajustador de reclamos. Toma unos 10 minutos. Las preguntas marcadas "(opcional)" se pueden dejar vacías.',
    submit: "Enviar los datos del reclamo",
  },
  goodFaithEstimate: {
    title: "Pedir un Estimado de Buena Fe",
    description:
      "Pídanos por escrito un Estimado de Buena Fe (Good Faith Estimate) de lo que costarán sus masajes si no tiene seguro médico o no lo va a usar.",
    lead: `Si no tiene seguro médico, o no lo va a usar para sus masajes, usted tiene derecho a recibir por escrito un Estimado de Buena Fe (Good Faith Estimate) de lo que costará su atención. Use este formulario para pedirlo. Se lo enviaremos en un plazo de ${gfeRules.requestBusinessDays} días hábiles.`,
    before:
      'Toma unos 5 minutos. Las preguntas marcadas "(opcional)" se pueden dejar vacías. No necesita un estimado para recibir atención con nosotros. Conozca sus derechos en',
    submit: "Pedir mi estimado",
  },
  alerts: {
    400: `${notSent} Nuestro sitio web no pudo leerlo. Revise sus respuestas abajo y oprima Enviar otra vez.`,
    403: `${notSent} No vino de la página de nuestro sitio web. Oprima Enviar otra vez en esta página.`,
    413: `${notSent} Es demasiado largo para enviarlo. Acorte las respuestas más largas abajo y oprima Enviar otra vez.`,
    415: `${notSent} Nuestro sitio web no pudo leerlo. Revise sus respuestas abajo y oprima Enviar otra vez.`,
    409: `${notSent} Ya recibimos una versión anterior de este formulario. Revise sus respuestas abajo y oprima Enviar otra vez para enviar esta.`,
    429: `${notSent} Se enviaron demasiados formularios desde su conexión. Espere un minuto y oprima Enviar otra vez. Sus respuestas están abajo.`,
    503: `${notSent} Nuestro sitio web tuvo un problema. Sus respuestas están abajo: oprima Enviar otra vez en un minuto.`,
    scanTooLargeToRead: `${notSent} El archivo que eligió para la receta firmada pesa mucho más de 10 MB, así que no pudimos leer el formulario. Use el botón Atrás de su navegador para volver a sus respuestas, y elija un archivo más pequeño o ninguno.`,
  },
  api: {
    payloadTooLarge:
      "Su formulario es demasiado largo para enviarlo. Acorte las respuestas más largas y envíelo otra vez.",
    unsupported:
      "Nuestro sitio web no pudo leer su formulario. Vuelva a cargar la página y envíelo otra vez.",
  },
  errorPage: {
    title: "Hay un problema con su formulario",
    heading: "Todavía no pudimos enviar su formulario",
    fix: (count) => `Corrija ${count === 1 ? "esto" : `estos ${count} puntos`} y envíelo otra vez`,
    notLost: "No se perdió nada de lo que escribió.",
    useBack: (form) => [
      "Use el botón",
      "Atrás",
      `de su navegador para volver al formulario de ${form}: sus respuestas siguen ahí.`,
    ],
    backFails: "Si el botón Atrás no funciona,",
    openAgain: (form) => `abra otra vez el formulario de ${form}`,
  },
  kinds: {
    prescription: {
      label: "Receta",
      formTitle: "receta",
      sendLinkText: "Enviar una receta para masajes",
      confirmationNoun: "de la receta",
      nextStep: "Revisaremos con su compañía de seguros la cobertura de su seguro médico para masajes.",
    },
    mva_claim: {
      label: "Reclamo de accidente de auto",
      formTitle: "reclamo de accidente de auto",
      sendLinkText: "Enviar los datos del reclamo de un accidente de auto",
      confirmationNoun: "del reclamo",
      nextStep:
        "Nos comunicaremos con su ajustador de reclamos en la compañía de seguro de auto sobre su reclamo.",
    },
    good_faith_estimate: {
      label: "Pedido de un Estimado de Buena Fe",
      formTitle: "pedido de un Estimado de Buena Fe",
      sendLinkText: "Pedir un Estimado de Buena Fe",
      confirmationNoun: "del pedido de un Estimado de Buena Fe",
      nextStep: `Le enviaremos por escrito un Estimado de Buena Fe en un plazo de ${gfeRules.requestBusinessDays} días hábiles.`,
    },
  },
  received: {
    title: "Recibimos su formulario",
    notFoundTitle: "No encontramos un formulario reciente",
    description: "Confirmación de que recibimos su formulario, y qué pasa después.",
    phone: (phone) => `Teléfono ${phone}`,
    fax: (fax) => `Fax: ${fax}`,
    heading: (noun) => `Recibimos los datos ${noun}`,
    reference: "Su número de referencia es",
    keepReference:
      "Anote o guarde este número de referencia. Díganoslo si se comunica con nosotros sobre este formulario.",
    whatYouSent: "Lo que envió",
    form: "Formulario",
    sent: "Enviado",
    print:
      "Para guardar una copia, imprima esta página o guárdela como PDF con la opción Imprimir de su navegador. Aquí no se muestran datos de salud.",
    next: "Qué pasa después",
    review: "Nuestro personal revisará su formulario, por lo general en un plazo de dos días hábiles.",
    contactBack: {
      patient:
        "Nos comunicaremos con usted como lo pidió, por teléfono o por correo electrónico, para decirle lo que encontramos.",
      prescriber_office:
        "Nos comunicaremos con el paciente como lo pidió su formulario, por teléfono o por correo electrónico, para decirle lo que encontramos. Si tenemos una pregunta sobre la receta, lo llamaremos a su consultorio.",
    },
    officeNextStep:
      "Revisaremos con la compañía de seguros del paciente la cobertura de su seguro médico para masajes.",
    question: "Si algo estaba mal en su formulario, o tiene una pregunta,",
    notFoundHeading: "No encontramos un formulario reciente de este navegador",
    notFoundText:
      "Esta página muestra su número de referencia durante 30 minutos después de enviar un formulario, en el mismo navegador. Puede que haya pasado más tiempo, o que su navegador bloquee las cookies.",
    notSure: "Si no está seguro de que su formulario se envió,",
    other: "Otras cosas que puede hacer",
    home: "Ir a la página de inicio",
  },
  receipt: {
    patient: "Paciente",
    sentBy: "Enviado por",
    office: (who) => `El consultorio de quien recetó: ${who}`,
    thePatient: "El paciente",
    prescriber: "Quien recetó",
    prescription: "Receta",
    span: (start, end, visits) => `Del ${start} al ${end}, ${visits} visitas`,
    insurance: "Seguro médico",
    toBeCollected: "Se lo preguntaremos al paciente",
    autoInsurer: "Compañía de seguro de auto",
    accidentDate: "Fecha del accidente",
  },
};
