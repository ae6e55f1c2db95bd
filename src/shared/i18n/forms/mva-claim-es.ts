/** The accident (PIP) claim form's own words in Spanish: the shape of `mva-claim-en.ts`. */
import type { MvaClaimWords } from "./mva-claim-en";

export const mvaClaimWordsEs: MvaClaimWords = {
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
  notices: {
    accidentOld:
      "El accidente fue hace más de dos años. Según entendemos, el PIP (Protección contra Lesiones Personales) de Oregon solo cubre gastos médicos de los dos años después de la lesión (ORS 742.524), así que puede que la aseguradora de auto no pague estas visitas. Hablaremos con usted de otras formas de pagar.",
  },
};
