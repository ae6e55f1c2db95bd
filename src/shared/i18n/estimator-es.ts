/**
 * The cost estimator's words in Spanish (US Spanish readers: money as "$1,500.00", dates as
 * "5 de abril de 2026"). Same shape as estimator-en.ts; a missing key is a type error.
 */
import { spanishDate } from "../dates";
import type { EstimatorMessages } from "./estimator-en";

const visits = (n: number) => (n === 1 ? "1 visita" : `${n} visitas`);

export const estimatorEs: EstimatorMessages = {
  visits,
  longDate: spanishDate,
  tableDate: spanishDate,
  title: "Calcule su costo de masajes",
  errorTitle: (title) => `Error: ${title}`,
  description:
    "Calcule lo que pagaría por masajes, visita por visita: con su plan de salud, después de un accidente de auto, con Medicare o pagando en efectivo.",
  lead: "Vea lo que podría pagar por masajes, visita por visita: con su plan de salud, después de un accidente de auto, con Medicare o pagando usted mismo.",
  figuresIntro: "Para un plan de salud, necesitará algunas cifras de su compañía de seguros. Nuestra",
  checklistLink: "lista de preguntas para su compañía de seguros",
  figuresMiddle: "le dice cuáles. Nuestros precios en efectivo están en la",
  pricingLink: "página de precios",
  exampleFlag: "Cifras de ejemplo: cámbielas por las suyas.",
  exampleFlagMore: "Los números de abajo son un ejemplo, no su plan. Cambie cada uno por su propia cifra.",
  coverageLegend: "¿Cómo va a pagar?",
  coverageOptions: {
    in_network: "Con mi plan de salud, y ustedes están en su red",
    out_of_network: "Con mi plan de salud, pero ustedes no están en su red",
    pip: "Con el seguro del accidente de auto (PIP)",
    medicare: "Con Medicare",
    self_pay: "Voy a pagar yo mismo",
  },
  coverageHint:
    "¿No sabe si estamos en la red de su plan? Pregunte a su compañía de seguros. Después de un accidente de auto, la Protección contra Lesiones Personales (PIP) de su propio seguro de auto puede pagar su atención.",
  visitsLegend: "Sus visitas",
  minutesLabel: "Duración de cada visita",
  minutesHint: "Cobramos en unidades de 15 minutos. Una visita de 60 minutos son 4 unidades.",
  chooseLength: "Elija una duración",
  minutesOption: (minutes, units) => `${minutes} minutos (${units} unidades)`,
  minutesOnly: (minutes) => `${minutes} minutos`,
  optional: "(opcional)",
  visitsLabel: "Número de visitas",
  visitsHint:
    "Cuántas visitas piensa tener. Por ejemplo, una visita por semana durante 8 semanas son 8 visitas.",
  startDateLabel: "Fecha de su primera visita",
  startDateHint:
    "Se necesita después de un accidente de auto. Para un plan de salud, nos permite reiniciar su deducible y sus límites cuando empieza un nuevo año del plan.",
  visitsPerWeekLabel: "Visitas por semana",
  visitsPerWeekHint: "De 1 a 7. Déjelo en blanco para 1.",
  cptLegend: "Tipo de servicio",
  cptOption: (service, code) => `${service} (CPT ${code})`,
  cptNames: { "97124": "Masoterapia", "97140": "Terapia manual" },
  cptHint:
    "El código con el que cobramos. Pregúntenos cuál corresponde a su atención. Si no está seguro, elija masoterapia.",
  planLegend: "Si usa un plan de salud: las cifras de su plan",
  allowedPerVisitLabel: "Monto permitido por visita",
  allowedPerVisitHint:
    "Monto permitido: el precio que su seguro nos permite cobrar por una visita de la duración que eligió. Llene este o el siguiente, el que le dio su seguro. Fuera de la red, use el monto permitido fuera de la red de su seguro.",
  allowedPerUnitLabel: "O: monto permitido por unidad de 15 minutos",
  allowedPerUnitHint:
    "El mismo precio por una unidad de 15 minutos de CPT 97124 o 97140. No es lo mismo que nuestro precio en efectivo.",
  deductibleAppliesLegend: "¿Su deducible se aplica a los masajes?",
  yes: "Sí",
  no: "No",
  notSure: "No estoy seguro",
  deductibleAppliesHint:
    "Deducible: lo que usted paga cada año del plan antes de que su seguro empiece a pagar. Algunos planes no lo aplican a los masajes, a menudo cuando usted paga un copago. Si no está seguro, lo calculamos de las dos formas.",
  deductibleRemainingLabel: "Deducible que le falta este año",
  deductibleRemainingHint:
    "Pregunte a su seguro cuánto le falta este año. Déjelo en blanco si ya lo pagó todo.",
  deductibleUnknown: "No sé cuánto me falta",
  deductibleAnnualLabel: "Deducible de un año completo del plan",
  deductibleAnnualHint:
    "Se necesita si no sabe cuánto le falta. También es lo que vuelve a empezar en un nuevo año del plan.",
  copayLabel: "Copago por visita",
  copayHint: "Copago: una cantidad fija que paga en cada visita. Déjelo en blanco si no tiene.",
  coinsuranceLabel: "Coseguro",
  coinsuranceHint:
    "Coseguro: su parte, como porcentaje, de lo que queda del monto permitido después del deducible y del copago. Por ejemplo, 20 quiere decir que usted paga el 20% y su plan paga el 80%. Déjelo en blanco si no tiene.",
  oopRemainingLabel: "Desembolso máximo que le falta este año",
  oopRemainingHint:
    "Desembolso máximo: lo más que usted paga en un año del plan. Cuando llega a ese monto, su plan paga todo el monto permitido. Déjelo en blanco si no lo sabe.",
  coveredVisitsLabel: "Visitas que su plan todavía cubre este año",
  coveredVisitsHint:
    "Límite de visitas: muchos planes cubren solo cierto número de visitas al año. Los masajes a menudo comparten ese límite con la fisioterapia, la quiropráctica o la acupuntura. Déjelo en blanco si no hay límite.",
  benefitLimitRemainingLabel: "Lo más que su plan todavía paga por masajes este año",
  benefitLimitRemainingHint:
    "Límite en dinero: algunos planes pagan solo hasta cierta cantidad cada año. Déjelo en blanco si no hay.",
  newYearLegend: "Si empieza un nuevo año del plan durante sus visitas",
  newYearHint:
    "Solo con la fecha de su primera visita. Déjelos en blanco si son iguales a lo que le falta este año.",
  planYearStartLabel: "Su año del plan empieza el (mes-día)",
  planYearStartHint:
    "Por ejemplo, 01-01 para el 1 de enero, o 07-01 para el 1 de julio. Déjelo en blanco para el 1 de enero.",
  oopAnnualLabel: "Desembolso máximo de un año completo del plan",
  oopAnnualHint: "El monto con el que vuelve a empezar su desembolso máximo.",
  coveredVisitsAnnualLabel: "Visitas que su plan cubre en un año completo del plan",
  coveredVisitsAnnualHint: "El número con el que vuelve a empezar su límite de visitas.",
  benefitLimitAnnualLabel: "Lo más que su plan paga por masajes en un año completo del plan",
  benefitLimitAnnualHint: "El monto con el que vuelve a empezar su límite en dinero.",
  pipLegend: "Si tuvo un accidente de auto: su PIP",
  accidentDateLabel: "Fecha del accidente",
  accidentDateHint:
    "PIP paga la atención de los dos años después del accidente. Escriba también arriba la fecha de su primera visita.",
  pipRemainingLabel: "Beneficio médico de PIP que le queda",
  pipRemainingHint: (minimum) =>
    `En Oregon, PIP cubre por lo menos ${minimum} de atención médica, compartidos con sus otros proveedores. Pregunte a su ajustador de reclamos cuánto le queda. Déjelo en blanco para ${minimum}.`,
  submit: "Mostrar mi cálculo",
  disclaimer: "Esto es un cálculo aproximado, no una factura ni una promesa de cobertura.",
  disclaimerMore:
    "Su compañía de seguros decide lo que paga cuando recibe el reclamo, y las cifras de su plan pueden cambiar.",
  responsible: "Usted es responsable del costo de su atención, pase lo que pase con su reclamo al seguro.",
  printLead: "Imprima este cálculo:",
  printHint:
    "use el comando Imprimir de su navegador. En un teléfono, suele estar en el menú Compartir o en el menú principal. La hoja impresa muestra las cifras usadas y no incluye el formulario. Volver a la",
  checklistBack: "lista de preguntas para el seguro",
  orOur: "o a nuestros",
  prices: "precios",
  errorSummaryTitle: "Hay un problema",
  results: {
    example: "Cálculo de ejemplo",
    yours: "Su cálculo",
    cannotShow: "No podemos mostrar un cálculo hasta que se corrija el problema.",
    firstToFix: "Ir a la primera respuesta que debe corregir",
    exampleFlag: "Cifras de ejemplo: cámbielas por las suyas.",
    exampleFlagMore: "Estos no son los números de su plan.",
    youPay: "Usted paga",
    range: (low, high) => `de ${low} a ${high}`,
    over: (visitsText) => `en ${visitsText}`,
    insured: (total, over, cash) =>
      `Con seguro pagaría unos ${total} ${over}; pagando en efectivo costaría ${cash}.`,
    insuredRange: (low, high, over, cash) =>
      `Con seguro pagaría entre ${low} y ${high} ${over}, según lo que le diga su seguro; pagando en efectivo costaría ${cash}.`,
    pip: (total, over, pip) => `Con PIP pagaría unos ${total} ${over}; PIP pagaría ${pip}.`,
    medicare: (cash, over) =>
      `Medicare Original no paga masajes hechos por un masoterapeuta con licencia, así que usted pagaría ${cash} ${over}.`,
    selfPay: (cash, over) => `Si paga usted mismo, pagaría ${cash} ${over}.`,
    oneProblem: (message) => `Hay un problema: ${message}`,
    problems: (n, first) => `Hay ${n} problemas. El primero: ${first}`,
    whatThisMeans: "Lo que esto significa",
    figuresUsed: "Las cifras usadas",
    linkToThis: "Enlace a este cálculo",
    linkHint: ": guárdelo o compártalo para volver a estas cifras.",
    cashHeading: "Si paga en efectivo",
    cashIntro:
      "Si paga en su visita sin seguro, estos son nuestros cargos, detallados por código de servicio y unidades, como los mostraría un Estimado de Buena Fe nuestro.",
    cashCaption: (visitsText) => `Precio en efectivo de ${visitsText}`,
    gfeRight:
      "Si no usa seguro, tiene derecho a recibir de nosotros un Estimado de Buena Fe por escrito antes de su atención:",
    gfeLink: "pida un Estimado de Buena Fe",
    coverage: {
      in_network: "Plan de salud, dentro de la red",
      out_of_network: "Plan de salud, fuera de la red",
      pip: "Seguro del accidente de auto (PIP)",
      medicare: "Medicare",
      self_pay: "Paga usted mismo",
    },
    howYouPay: "Cómo paga",
    visitsRow: "Visitas",
    visitsDetail: (visitsText, minutes, units, service) =>
      `${visitsText} de ${minutes} minutos (${units} unidades de 15 minutos), ${service}`,
    firstVisit: "Primera visita",
    firstVisitDetail: (date, perWeek) => `${spanishDate(date)}, ${perWeek} por semana`,
    allowedPerVisit: "Monto permitido por visita",
    allowedPerUnit: "Monto permitido por unidad",
    notEntered: "no se escribió",
    deductibleLeft: "Deducible que falta este año",
    notKnown: "no se sabe",
    deductibleDetail: (left, applies) =>
      `${left} (${applies === "unknown" ? "no se sabe si se aplica" : applies ? "se aplica" : "no se aplica"} a los masajes)`,
    copay: "Copago por visita",
    coinsurance: "Coseguro",
    oopLeft: "Desembolso máximo que falta",
    coveredVisits: "Visitas que su plan todavía cubre",
    noLimit: "no se escribió un límite",
    dollarLimitLeft: "Límite en dinero que queda",
    accidentDate: "Fecha del accidente",
    dateValue: spanishDate,
    pipLeft: "Beneficio de PIP que queda",
  },
  table: {
    caption: (visitsText, minutes, units, service) =>
      `Costo de cada visita: ${visitsText} de ${minutes} minutos, ${units} unidades cada una de ${service}.`,
    grouped: " Las visitas que cuestan lo mismo comparten una fila; los montos son por una visita.",
    visit: "Visita",
    visitRow: (n) => `Visita ${n}`,
    visitsRow: (first, last) => `Visitas ${first}–${last}`,
    total: "Total",
    dates: "Fechas",
    dateRange: (first, last) => `del ${first} al ${last}`,
    covered: "¿Cubierta?",
    coveredYes: "Sí",
    coveredNo: "No cubierta: precio en efectivo",
    coveredTotal: (n, of) => `${n} de ${of} cubiertas`,
    allowed: "Permitido",
    deductible: "Deducible",
    copay: "Copago",
    coinsurance: "Coseguro",
    aboveLimit: "Más allá del límite",
    balance: "Diferencia",
    youPay: "Usted paga",
    insurancePays: "El seguro paga",
    paidBy: "Quién paga",
    paidByCash: "Usted, a nuestra tarifa en efectivo",
    paidByBoth: "PIP y usted",
    paidByPip: "PIP",
    pipTotal: (n, of) => `PIP paga ${n} de ${of}`,
    ourCharge: "Nuestro cargo",
    pipPays: "PIP paga",
  },
  items: {
    itemized: (caption) => `${caption}, detallado`,
    service: "Servicio",
    cpt: "Código CPT",
    units: "Unidades por visita",
    unitPrice: "Precio por unidad",
    visitPrice: "Precio por visita",
    visits: "Visitas",
    total: "Total",
    totalCharges: "Total de cargos estimados",
  },
  notes: {
    and: "y",
    to: "a",
    visitList: (many, joined) => `${many ? "Las visitas" : "La visita"} ${joined}`,
    oopAlready: (first) =>
      first
        ? "Ya llegó a su desembolso máximo. Su plan paga todo el monto permitido de las visitas cubiertas."
        : "Su desembolso máximo del nuevo año del plan es $0.00. Su plan paga todo el monto permitido de las visitas cubiertas.",
    deductibleNotApply: "Su deducible no se aplica a estas visitas.",
    deductibleMet: (first) =>
      first ? "Ya pagó todo su deducible." : "Su deducible del nuevo año del plan es $0.00.",
    deductibleMetAt: (first, visit) =>
      `${first ? "Termina" : "En el nuevo año del plan, termina"} de pagar su deducible en la visita ${visit}.`,
    deductibleNotMet: (first, left) =>
      `${first ? "No termina" : "En el nuevo año del plan, no termina"} de pagar su deducible en estas visitas. Todavía le faltan ${left}.`,
    oopReachedAt: (first, visit) =>
      `${first ? "Llega" : "En el nuevo año del plan, llega"} a su desembolso máximo en la visita ${visit}. Después, su plan paga todo el monto permitido de las visitas cubiertas.`,
    newYear: (date, visit) =>
      `Su nuevo año del plan empieza el ${date}, en la visita ${visit}. Su deducible, su desembolso máximo y sus límites vuelven a empezar ese día.`,
    limitRunsOut: (visit) => `El límite en dinero de su plan se acaba en la visita ${visit}.`,
    limitSplit: (pays, over) =>
      ` Su plan paga ${pays} de esa visita, y usted paga los ${over} que pasan del límite.`,
    noneCoveredVisits: (cash) =>
      `Su plan no cubre ninguna de estas visitas. Usted paga la tarifa de la clínica de ${cash} por cada una.`,
    noneCoveredDollars: (cash) =>
      `El límite en dinero de su plan para masajes ya se usó, así que no cubre ninguna de estas visitas. Usted paga la tarifa de la clínica de ${cash} por cada una.`,
    yearlyNext: (visitsText) => ` este año del plan y ${visitsText} en el siguiente`,
    pastVisitLimit: (limit, yearly, list, many, cash) =>
      `Su plan cubre ${limit}${yearly}. ${list} ${many ? "pasan" : "pasa"} de ese límite, así que usted paga la tarifa de la clínica de ${cash} por ${many ? "cada una" : "ella"}.`,
    pastDollarLimit: (list, many, cash) =>
      `${list} ${many ? "vienen" : "viene"} después de que se usa su límite en dinero, así que usted paga la tarifa de la clínica de ${cash} por ${many ? "cada una" : "ella"}.`,
    outOfNetwork: (bill, allows, difference, total) =>
      `Fuera de la red, cobramos ${bill} por visita y su plan permite ${allows}. Usted también paga la diferencia, ${difference} por visita (${total} en total). Su desembolso máximo no la limita.`,
    outOfNetworkCovered:
      "El monto permitido fuera de la red de su plan cubre todo nuestro cargo, así que no hay diferencia que pagar.",
    unknownApplies: "si su deducible se aplica a los masajes",
    unknownLeft: "cuánto le falta de su deducible",
    or: "ni",
    caseNotApply: "su deducible no se aplica",
    caseAllLeft: (amount) => `su deducible se aplica y le faltan los ${amount} completos`,
    caseApplies: "su deducible se aplica",
    range: (unknown, low, high, highCase) =>
      `No sabemos ${unknown}, así que lo calculamos de todas las formas: usted paga entre ${low} y ${high}. La tabla muestra el caso más alto, en el que ${highCase}.`,
    insuredAbout: (insured) => `unos ${insured}`,
    insuredBetween: (low, high) => `entre ${low} y ${high}`,
    withInsurance: (insured, cash) =>
      `Con seguro usted paga ${insured} en total. Pagar en efectivo cuesta ${cash}.`,
    insuranceSaves: (atLeast, amount) => ` El seguro le ahorra ${atLeast ? "por lo menos " : ""}${amount}.`,
    cashSaves: (atLeast, amount) =>
      ` Pagar en efectivo le ahorra ${atLeast ? "por lo menos " : ""}${amount}.`,
    same: (cash) => `Con seguro o pagando en efectivo, usted paga lo mismo: ${cash} en total.`,
    depends: (unknown) => ` Lo que cuesta menos depende de ${unknown}: pregunte a su compañía de seguros.`,
    pipIntro: (billed) =>
      `Según entendemos la ley de Oregon, PIP paga nuestro cargo de ${billed} por visita, sin deducible ni copago, hasta que se use su beneficio médico de PIP o pasen dos años desde el accidente (ORS 742.524 y 742.525).`,
    pipAll: (visitsText) => `PIP paga las ${visitsText}.`,
    pipRunsOut: (visit) => `Su beneficio de PIP se acaba en la visita ${visit}.`,
    pipSplit: (pays, you) => ` PIP paga ${pays} de esa visita y usted paga ${you}.`,
    pipWindow: (date, visit) =>
      `Dos años después del accidente es el ${date}. PIP no paga la visita ${visit} ni las siguientes.`,
    pipCashAfter: (visit, cash) =>
      `Desde la visita ${visit}, usted paga nuestra tarifa en efectivo de ${cash} por visita. Su seguro médico podría pagar desde entonces: elija arriba un plan de salud para calcularlo.`,
    pipShared:
      "Su beneficio de PIP se comparte con todos los demás proveedores que le atienden por este accidente, como la sala de emergencias, su médico o un quiropráctico. Pregunte a su ajustador de reclamos cuánto le queda.",
    cashTotal: (perVisit, total, visitsText) =>
      `Usted paga nuestra tarifa en efectivo de ${perVisit} por visita: ${total} en total por ${visitsText}.`,
    medicareNo:
      "Medicare Original no paga masajes hechos por un masoterapeuta con licencia, así que usted paga nuestra tarifa en efectivo.",
    medicareAdvantage:
      "Algunos planes Medicare Advantage sí cubren masajes. Si tiene uno, elija arriba un plan de salud y escriba las cifras de su plan.",
  },
  input: {
    commas: "Ponga comas solo entre grupos de tres dígitos, como 1,500.00, o no las ponga.",
    coverage: "Elija cómo va a pagar: in_network, out_of_network, pip, medicare o self_pay.",
    minutes: "Escriba la duración de cada visita en minutos, como un número entero de 8 a 240.",
    visits: "Escriba el número de visitas como un número entero de 1 a 104.",
    startDate: "Escriba la fecha de su primera visita como año-mes-día, como 2026-11-02, entre 2000 y 2099.",
    visitsPerWeek: "Escriba cuántas visitas por semana como un número entero de 1 a 7.",
    cpt: "Elija el código de servicio: 97124 para masaje o 97140 para terapia manual.",
    allowedPerVisit: (hint) => `Escriba el monto permitido de su plan por una visita ${hint}.`,
    allowedPerUnit: (hint) => `Escriba el monto permitido de su plan por una unidad de 15 minutos ${hint}.`,
    deductibleApplies: "Elija si su deducible se aplica a los masajes: true, false o unknown.",
    deductibleRemaining: (hint) =>
      `Escriba el deducible que todavía le falta pagar este año ${hint}, o déjelo en blanco para $0.`,
    deductibleAnnual: (hint) => `Escriba su deducible de un año completo del plan ${hint}.`,
    copay: (hint) => `Escriba su copago por visita ${hint}, o déjelo en blanco para $0.`,
    coinsurancePercent:
      "Escriba su coseguro como un porcentaje entero de 0 a 100, sin el signo %, o déjelo en blanco para 0.",
    oopRemaining: (hint) =>
      `Escriba lo que le falta de su desembolso máximo ${hint}, o déjelo en blanco si no lo sabe.`,
    coveredVisits:
      "Escriba cuántas visitas cubre todavía su plan, como un número entero de 0 a 365, o déjelo en blanco si no hay límite.",
    benefitLimitRemaining: (hint) =>
      `Escriba lo más que su plan todavía paga por masajes este año ${hint}, o déjelo en blanco si no hay límite en dinero.`,
    planYearStart:
      "Escriba el día en que empieza su año del plan como mes-día, como 01-01 para el 1 de enero.",
    oopAnnual: (hint) => `Escriba su desembolso máximo de un año completo del plan ${hint}.`,
    coveredVisitsAnnual:
      "Escriba cuántas visitas cubre su plan en un año completo del plan, como un número entero de 0 a 365.",
    benefitLimitAnnual: (hint) =>
      `Escriba lo más que su plan paga por masajes en un año completo del plan ${hint}.`,
    accidentDate: "Escriba la fecha del accidente como año-mes-día, como 2026-10-01, entre 2000 y 2099.",
    pipRemaining: (hint, minimum) =>
      `Escriba cuánto le queda de su beneficio médico de PIP ${hint}, o déjelo en blanco para ${minimum}.`,
    moneyHint: "en dólares y centavos, como 25 o 1,500.00, de 0 a 100,000",
    both: "Escriba el monto permitido por visita o por unidad de 15 minutos, no los dos.",
    needAllowed: (hint) =>
      `Escriba el monto permitido de su plan por una unidad de 15 minutos o por una visita ${hint}.`,
    needDeductibleAnnual:
      "Escriba su deducible de un año completo del plan, para que podamos mostrar un rango cuando no sabe cuánto le falta.",
    yearlyAtLeast: (what) => `Escriba ${what} del año que sea por lo menos igual a lo que le falta este año.`,
    yearly: {
      deductibleAnnual: "un deducible",
      oopAnnual: "un desembolso máximo",
      coveredVisitsAnnual: "un límite de visitas",
      benefitLimitAnnual: "un límite en dinero",
    },
    pipAccident: "Escriba la fecha del accidente, como 2026-10-01.",
    pipStart:
      "Escriba la fecha de su primera visita, como 2026-11-02, para saber qué visitas puede pagar PIP.",
    startBeforeAccident: "Escriba una fecha de primera visita igual o posterior a la fecha del accidente.",
    repeated: (label) => `Dé solo una respuesta para ${label}.`,
    labels: {
      coverage: "cómo va a pagar",
      minutes: "la duración de cada visita",
      visits: "el número de visitas",
      cpt: "el código de servicio",
      allowedPerUnit: "el monto permitido por unidad",
      allowedPerVisit: "el monto permitido por visita",
      deductibleRemaining: "el deducible que le falta este año",
      deductibleAnnual: "el deducible del año",
      deductibleApplies: "si su deducible se aplica",
      copay: "el copago",
      coinsurancePercent: "el coseguro",
      oopRemaining: "el desembolso máximo que le falta este año",
      oopAnnual: "el desembolso máximo del año",
      coveredVisits: "las visitas que su plan todavía cubre",
      coveredVisitsAnnual: "las visitas que su plan cubre al año",
      benefitLimitRemaining: "el límite en dinero que queda este año",
      benefitLimitAnnual: "el límite en dinero del año",
      startDate: "la fecha de su primera visita",
      visitsPerWeek: "las visitas por semana",
      planYearStart: "el día en que empieza su año del plan",
      accidentDate: "la fecha del accidente",
      pipRemaining: "el beneficio de PIP que queda",
    },
  },
};
