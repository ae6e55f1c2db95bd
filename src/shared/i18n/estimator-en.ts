/**
 * The cost estimator's words in English: the page, its fields, the results, the tables and the
 * notes. src/shared/i18n/estimator-es.ts has the same shape (a missing key is a type error).
 * Figures arrive already formatted (money as "$1,500.00", dates as the language says them).
 */
import { longDate, usDate } from "../dates";

const visits = (n: number) => (n === 1 ? "1 visit" : `${n} visits`);

export const estimatorEn = {
  visits,
  /** A date in a sentence ("January 1, 2027") and in a table cell ("1/1/2027"). */
  longDate,
  tableDate: usDate,
  title: "Estimate your cost for massage",
  errorTitle: (title: string) => `Error: ${title}`,
  description:
    "Estimate what you would pay for massage, visit by visit: with your health plan, after a car accident, with Medicare or paying cash.",
  lead: "See what you might pay for massage, visit by visit: with your health plan, after a car accident, with Medicare or paying yourself.",
  figuresIntro: "For a health plan you will need a few figures from your insurance company. Our",
  checklistLink: "checklist of questions to ask your insurance company",
  figuresMiddle: "tells you which ones. Our cash prices are on the",
  pricingLink: "pricing page",
  exampleFlag: "Example figures — replace them with yours.",
  exampleFlagMore:
    "The numbers filled in below are an example, not your plan. Change each one to your own figure.",
  coverageLegend: "How will you pay?",
  coverageOptions: {
    in_network: "My health plan, and you are in its network",
    out_of_network: "My health plan, but you are not in its network",
    pip: "Car accident insurance (PIP)",
    medicare: "Medicare",
    self_pay: "I will pay myself",
  },
  coverageHint:
    "Not sure if we are in your plan's network? Ask your insurance company. After a car accident, your own auto insurance's Personal Injury Protection (PIP) may pay for your care.",
  visitsLegend: "Your visits",
  minutesLabel: "Length of each visit",
  minutesHint: "We bill in 15-minute units. A 60-minute visit is 4 units.",
  chooseLength: "Choose a length",
  minutesOption: (minutes: number, units: number) => `${minutes} minutes (${units} units)`,
  minutesOnly: (minutes: string) => `${minutes} minutes`,
  optional: "(optional)",
  visitsLabel: "Number of visits",
  visitsHint: "How many visits you plan to have. For example, one visit a week for 8 weeks is 8 visits.",
  startDateLabel: "Date of your first visit",
  startDateHint:
    "Needed after a car accident. For a health plan, it lets us start your deductible and limits again when a new plan year begins.",
  visitsPerWeekLabel: "Visits a week",
  visitsPerWeekHint: "From 1 to 7. Leave it blank for 1.",
  cptLegend: "Type of service",
  cptOption: (service: string, code: string) => `${service} (CPT ${code})`,
  cptNames: { "97124": "Massage therapy", "97140": "Manual therapy" },
  cptHint:
    "The code we bill with. Ask us which one fits your care. If you are not sure, choose massage therapy.",
  planLegend: "If you use a health plan: your plan's figures",
  allowedPerVisitLabel: "Allowed amount per visit",
  allowedPerVisitHint:
    "Allowed amount: the price your insurer lets us charge for one visit of the length you chose. Fill in this one or the next one, whichever your insurer told you. Out of network, use the insurer's out-of-network allowed amount.",
  allowedPerUnitLabel: "Or: allowed amount per 15-minute unit",
  allowedPerUnitHint:
    "The same price for one 15-minute unit of CPT 97124 or 97140. It is not the same as our cash price.",
  deductibleAppliesLegend: "Does your deductible apply to massage?",
  yes: "Yes",
  no: "No",
  notSure: "I'm not sure",
  deductibleAppliesHint:
    "Deductible: what you pay each plan year before your insurance starts to pay. Some plans skip it for massage, often when you pay a copay. If you are not sure, we work it out both ways.",
  deductibleRemainingLabel: "Deductible left this year",
  deductibleRemainingHint:
    "Ask your insurer how much is left this year. Leave it blank if you have already met it.",
  deductibleUnknown: "I don't know how much is left",
  deductibleAnnualLabel: "Deductible for a whole plan year",
  deductibleAnnualHint:
    "Needed if you don't know how much is left. It is also what starts again in a new plan year.",
  copayLabel: "Copay per visit",
  copayHint: "Copay: a set amount you pay at each visit. Leave it blank if you do not have one.",
  coinsuranceLabel: "Coinsurance",
  coinsuranceHint:
    "Coinsurance: your share, as a percent, of what is left of the allowed amount after the deductible and copay. For example, 20 means you pay 20% and your plan pays 80%. Leave it blank if you have none.",
  oopRemainingLabel: "Out-of-pocket maximum left this year",
  oopRemainingHint:
    "Out-of-pocket maximum: the most you pay in a plan year. Once you reach it, your plan pays the whole allowed amount. Leave it blank if you do not know it.",
  coveredVisitsLabel: "Visits your plan still covers this year",
  coveredVisitsHint:
    "Visit limit: many plans cover only so many visits a year. Massage often shares its limit with physical therapy, chiropractic or acupuncture. Leave it blank if there is no limit.",
  benefitLimitRemainingLabel: "Most your plan still pays for massage this year",
  benefitLimitRemainingHint:
    "Dollar limit: some plans pay only up to an amount each year. Leave it blank if there is none.",
  newYearLegend: "If a new plan year starts during your visits",
  newYearHint:
    "Only with the date of your first visit. Leave these blank if they are the same as what is left this year.",
  planYearStartLabel: "Your plan year starts on (month-day)",
  planYearStartHint: "For example 01-01 for January 1, or 07-01 for July 1. Leave it blank for January 1.",
  oopAnnualLabel: "Out-of-pocket maximum for a whole plan year",
  oopAnnualHint: "What your out-of-pocket maximum starts again at.",
  coveredVisitsAnnualLabel: "Visits your plan covers in a whole plan year",
  coveredVisitsAnnualHint: "What your visit limit starts again at.",
  benefitLimitAnnualLabel: "Most your plan pays for massage in a whole plan year",
  benefitLimitAnnualHint: "What your dollar limit starts again at.",
  pipLegend: "If you were in a car accident: your PIP",
  accidentDateLabel: "Date of the accident",
  accidentDateHint:
    "PIP pays for care in the two years after the accident. Also enter the date of your first visit above.",
  pipRemainingLabel: "PIP medical benefit left",
  pipRemainingHint: (minimum: string) =>
    `Oregon PIP covers at least ${minimum} of medical care, shared with your other providers. Ask your claims adjuster how much is left. Leave it blank for ${minimum}.`,
  submit: "Show my estimate",
  disclaimer: "This is an estimate, not a bill or a promise of coverage.",
  disclaimerMore:
    "Your insurance company decides what it pays when it gets the claim, and your plan's figures can change.",
  responsible:
    "You are responsible for the cost of your care, no matter what happens with your insurance claim.",
  printLead: "Print this estimate:",
  printHint:
    "use your browser's Print command. On a phone, it is usually in the Share menu or the main menu. The printout lists the figures used and leaves out the form. Back to the",
  checklistBack: "insurance checklist",
  orOur: "or our",
  prices: "prices",
  errorSummaryTitle: "There is a problem",
  results: {
    example: "Example estimate",
    yours: "Your estimate",
    cannotShow: "We cannot show an estimate until the problem is fixed.",
    firstToFix: "Go to the first answer to fix",
    exampleFlag: "Example figures — replace them with yours.",
    exampleFlagMore: "These are not your plan's numbers.",
    youPay: "You pay",
    range: (low: string, high: string) => `${low} to ${high}`,
    over: (visitsText: string) => `over ${visitsText}`,
    insured: (total: string, over: string, cash: string) =>
      `With insurance you would pay about ${total} ${over}; paying cash would cost ${cash}.`,
    insuredRange: (low: string, high: string, over: string, cash: string) =>
      `With insurance you would pay between ${low} and ${high} ${over}, depending on what your insurer tells you; paying cash would cost ${cash}.`,
    pip: (total: string, over: string, pip: string) =>
      `With PIP you would pay about ${total} ${over}; PIP would pay ${pip}.`,
    medicare: (cash: string, over: string) =>
      `Original Medicare does not pay for massage by a licensed massage therapist, so you would pay ${cash} ${over}.`,
    selfPay: (cash: string, over: string) => `Paying yourself, you would pay ${cash} ${over}.`,
    oneProblem: (message: string) => `There is a problem: ${message}`,
    problems: (n: number, first: string) => `There are ${n} problems. The first: ${first}`,
    whatThisMeans: "What this means",
    figuresUsed: "The figures used",
    linkToThis: "Link to this estimate",
    linkHint: ": bookmark it or share it to come back to these figures.",
    cashHeading: "If you pay cash instead",
    cashIntro:
      "If you pay at your visit without insurance, these are our charges, itemized by service code and units, as a Good Faith Estimate from us would list them.",
    cashCaption: (visitsText: string) => `Cash price for ${visitsText}`,
    gfeRight:
      "If you do not use insurance, you have the right to a written Good Faith Estimate from us before your care:",
    gfeLink: "ask for a Good Faith Estimate",
    coverage: {
      in_network: "Health plan, in network",
      out_of_network: "Health plan, out of network",
      pip: "Car accident insurance (PIP)",
      medicare: "Medicare",
      self_pay: "Paying yourself",
    },
    howYouPay: "How you pay",
    visitsRow: "Visits",
    visitsDetail: (visitsText: string, minutes: number, units: number, service: string) =>
      `${visitsText} of ${minutes} minutes (${units} units of 15 minutes), ${service}`,
    firstVisit: "First visit",
    firstVisitDetail: (date: string, perWeek: number) => `${date}, ${perWeek} a week`,
    allowedPerVisit: "Allowed amount per visit",
    allowedPerUnit: "Allowed amount per unit",
    notEntered: "not entered",
    deductibleLeft: "Deductible left this year",
    notKnown: "not known",
    deductibleDetail: (left: string, applies: boolean | "unknown") =>
      `${left} (${applies === "unknown" ? "not known whether it applies" : applies ? "applies" : "does not apply"} to massage)`,
    copay: "Copay per visit",
    coinsurance: "Coinsurance",
    oopLeft: "Out-of-pocket maximum left",
    coveredVisits: "Visits your plan still covers",
    noLimit: "no limit entered",
    dollarLimitLeft: "Dollar limit left",
    accidentDate: "Date of the accident",
    /** A date as the printout lists it. */
    dateValue: (iso: string) => iso,
    pipLeft: "PIP benefit left",
  },
  table: {
    caption: (visitsText: string, minutes: number, units: number, service: string) =>
      `Cost of each visit: ${visitsText} of ${minutes} minutes, ${units} units each of ${service}.`,
    grouped: " Visits that cost the same share a row; amounts are for one visit.",
    visit: "Visit",
    visitRow: (n: number) => `Visit ${n}`,
    visitsRow: (first: number, last: number) => `Visits ${first}–${last}`,
    total: "Total",
    dates: "Dates",
    dateRange: (first: string, last: string) => `${first} to ${last}`,
    covered: "Covered?",
    coveredYes: "Yes",
    coveredNo: "Not covered — cash price",
    coveredTotal: (n: number, of: number) => `${n} of ${of} covered`,
    allowed: "Allowed",
    deductible: "Deductible",
    copay: "Copay",
    coinsurance: "Coinsurance",
    aboveLimit: "Above the limit",
    balance: "Balance",
    youPay: "You pay",
    insurancePays: "Insurance pays",
    paidBy: "Paid by",
    paidByCash: "You, at our cash rate",
    paidByBoth: "PIP and you",
    paidByPip: "PIP",
    pipTotal: (n: number, of: number) => `PIP pays for ${n} of ${of}`,
    ourCharge: "Our charge",
    pipPays: "PIP pays",
  },
  items: {
    itemized: (caption: string) => `${caption}, itemized`,
    service: "Service",
    cpt: "CPT code",
    units: "Units per visit",
    unitPrice: "Price per unit",
    visitPrice: "Price per visit",
    visits: "Visits",
    total: "Total",
    totalCharges: "Total estimated charges",
  },
  notes: {
    and: "and",
    to: "to",
    visitList: (many: boolean, joined: string) => `${many ? "Visits" : "Visit"} ${joined}`,
    oopAlready: (first: boolean): string =>
      first
        ? "You have already reached your out-of-pocket maximum. Your plan pays the full allowed amount for covered visits."
        : "Your out-of-pocket maximum for the new plan year is $0.00. Your plan pays the full allowed amount for covered visits.",
    deductibleNotApply: "Your deductible does not apply to these visits.",
    deductibleMet: (first: boolean): string =>
      first ? "Your deductible is already met." : "Your deductible for the new plan year is $0.00.",
    deductibleMetAt: (first: boolean, visit: number) =>
      `${first ? "You" : "In the new plan year, you"} meet your deductible at visit ${visit}.`,
    deductibleNotMet: (first: boolean, left: string) =>
      `${first ? "You" : "In the new plan year, you"} do not meet your deductible in these visits. ${left} of it is still left.`,
    oopReachedAt: (first: boolean, visit: number) =>
      `${first ? "You" : "In the new plan year, you"} reach your out-of-pocket maximum at visit ${visit}. After that, your plan pays the full allowed amount for covered visits.`,
    newYear: (date: string, visit: number) =>
      `Your new plan year starts on ${date}, at visit ${visit}. Your deductible, out-of-pocket maximum and limits start again then.`,
    limitRunsOut: (visit: number) => `Your plan's dollar limit runs out at visit ${visit}.`,
    limitSplit: (pays: string, over: string) =>
      ` Your plan pays ${pays} of that visit, and you pay the ${over} above the limit.`,
    noneCoveredVisits: (cash: string) =>
      `Your plan does not cover any of these visits. You pay the clinic's rate of ${cash} for each one.`,
    noneCoveredDollars: (cash: string) =>
      `Your plan's dollar limit for massage is used up, so it does not cover any of these visits. You pay the clinic's rate of ${cash} for each one.`,
    yearlyNext: (visitsText: string) => ` this plan year and ${visitsText} in the next`,
    pastVisitLimit: (limit: string, yearly: string, list: string, many: boolean, cash: string) =>
      `Your plan covers ${limit}${yearly}. ${list} ${many ? "are" : "is"} past that limit, so you pay the clinic's rate of ${cash} for ${many ? "each" : "it"}.`,
    pastDollarLimit: (list: string, many: boolean, cash: string) =>
      `${list} ${many ? "come" : "comes"} after your dollar limit is used up, so you pay the clinic's rate of ${cash} for ${many ? "each" : "it"}.`,
    outOfNetwork: (bill: string, allows: string, difference: string, total: string) =>
      `Out of network, we bill ${bill} a visit and your plan allows ${allows}. You also pay the difference, ${difference} a visit (${total} in all). Your out-of-pocket maximum does not limit it.`,
    outOfNetworkCovered:
      "Your plan's out-of-network allowed amount covers our whole charge, so there is no difference to pay.",
    unknownApplies: "whether your deductible applies to massage",
    unknownLeft: "how much of your deductible is left",
    or: "or",
    caseNotApply: "your deductible does not apply",
    caseAllLeft: (amount: string) => `your deductible applies and all ${amount} of it is left`,
    caseApplies: "your deductible applies",
    range: (unknown: string, low: string, high: string, highCase: string) =>
      `We do not know ${unknown}, so we worked it out every way: you pay between ${low} and ${high}. The table shows the highest case, where ${highCase}.`,
    insuredAbout: (insured: string) => `about ${insured}`,
    insuredBetween: (low: string, high: string) => `between ${low} and ${high}`,
    withInsurance: (insured: string, cash: string) =>
      `With insurance you pay ${insured} in all. Paying cash costs ${cash}.`,
    insuranceSaves: (atLeast: boolean, amount: string) =>
      ` Insurance saves you ${atLeast ? "at least " : ""}${amount}.`,
    cashSaves: (atLeast: boolean, amount: string) =>
      ` Paying cash saves you ${atLeast ? "at least " : ""}${amount}.`,
    same: (cash: string) => `With insurance or paying cash, you pay the same: ${cash} in all.`,
    depends: (unknown: string) => ` Which costs less depends on ${unknown}: ask your insurance company.`,
    pipIntro: (billed: string) =>
      `As we understand Oregon law, PIP pays our charge of ${billed} a visit, with no deductible or copay, until your PIP medical benefit is used up or two years have passed since the accident (ORS 742.524 and 742.525).`,
    pipAll: (visitsText: string) => `PIP pays for all ${visitsText}.`,
    pipRunsOut: (visit: number) => `Your PIP benefit runs out at visit ${visit}.`,
    pipSplit: (pays: string, you: string) => ` PIP pays ${pays} of it and you pay ${you}.`,
    pipWindow: (date: string, visit: number) =>
      `Two years after the accident is ${date}. PIP does not pay for visit ${visit} or later.`,
    pipCashAfter: (visit: number, cash: string) =>
      `From visit ${visit}, you pay our cash rate of ${cash} a visit. Your health insurance may pay from then on: choose a health plan above to estimate that.`,
    pipShared:
      "Your PIP benefit is shared with every other provider who treats you for this accident, such as the emergency room, your doctor or a chiropractor. Ask your claims adjuster how much is left.",
    cashTotal: (perVisit: string, total: string, visitsText: string) =>
      `You pay our cash rate of ${perVisit} a visit: ${total} in all for ${visitsText}.`,
    medicareNo:
      "Original Medicare does not pay for massage by a licensed massage therapist, so you pay our cash rate.",
    medicareAdvantage:
      "Some Medicare Advantage plans do cover massage. If you have one, choose a health plan above and enter your plan's figures.",
  },
  /** The form's validation messages: each names the field and how to fix it, never the value sent. */
  input: {
    commas: "Put commas only between groups of three digits, like 1,500.00, or leave them out.",
    coverage: "Choose how you will pay: in_network, out_of_network, pip, medicare or self_pay.",
    minutes: "Enter the length of each visit in minutes as a whole number from 8 to 240.",
    visits: "Enter the number of visits as a whole number from 1 to 104.",
    startDate:
      "Enter the date of your first visit as year-month-day, like 2026-11-02, between 2000 and 2099.",
    visitsPerWeek: "Enter how many visits a week as a whole number from 1 to 7.",
    cpt: "Choose the service code: 97124 for massage or 97140 for manual therapy.",
    allowedPerVisit: (hint: string) => `Enter your plan's allowed amount for one visit ${hint}.`,
    allowedPerUnit: (hint: string) => `Enter your plan's allowed amount for one 15-minute unit ${hint}.`,
    deductibleApplies: "Choose whether your deductible applies to massage: true, false or unknown.",
    deductibleRemaining: (hint: string) =>
      `Enter the deductible you still have to pay this year ${hint}, or leave it blank for $0.`,
    deductibleAnnual: (hint: string) => `Enter your deductible for a whole plan year ${hint}.`,
    copay: (hint: string) => `Enter your copay for each visit ${hint}, or leave it blank for $0.`,
    coinsurancePercent:
      "Enter your coinsurance as a whole percent from 0 to 100, without the % sign, or leave it blank for 0.",
    oopRemaining: (hint: string) =>
      `Enter what is left of your out-of-pocket maximum ${hint}, or leave it blank if you do not know it.`,
    coveredVisits:
      "Enter how many visits your plan still covers as a whole number from 0 to 365, or leave it blank if there is no limit.",
    benefitLimitRemaining: (hint: string) =>
      `Enter the most your plan still pays for massage this year ${hint}, or leave it blank if there is no dollar limit.`,
    planYearStart: "Enter the day your plan year starts as month-day, like 01-01 for January 1.",
    oopAnnual: (hint: string) => `Enter your out-of-pocket maximum for a whole plan year ${hint}.`,
    coveredVisitsAnnual:
      "Enter how many visits your plan covers in a whole plan year as a whole number from 0 to 365.",
    benefitLimitAnnual: (hint: string) =>
      `Enter the most your plan pays for massage in a whole plan year ${hint}.`,
    accidentDate: "Enter the date of the accident as year-month-day, like 2026-10-01, between 2000 and 2099.",
    pipRemaining: (hint: string, minimum: string) =>
      `Enter how much of your PIP medical benefit is left ${hint}, or leave it blank for ${minimum}.`,
    moneyHint: "in dollars and cents, like 25 or 1,500.00, from 0 to 100,000",
    both: "Enter the allowed amount per visit or per 15-minute unit, not both.",
    needAllowed: (hint: string) =>
      `Enter your plan's allowed amount for one 15-minute unit or for one visit ${hint}.`,
    needDeductibleAnnual:
      "Enter your deductible for a whole plan year, so we can show a range when you do not know how much is left.",
    yearlyAtLeast: (what: string) =>
      `Enter a yearly ${what} at least as big as what is left of it this year.`,
    yearly: {
      deductibleAnnual: "deductible",
      oopAnnual: "out-of-pocket maximum",
      coveredVisitsAnnual: "visit limit",
      benefitLimitAnnual: "dollar limit",
    },
    pipAccident: "Enter the date of the accident, like 2026-10-01.",
    pipStart: "Enter the date of your first visit, like 2026-11-02, so we know which visits PIP can pay.",
    startBeforeAccident: "Enter a first visit date on or after the date of the accident.",
    repeated: (label: string) => `Give only one answer for ${label}.`,
    labels: {
      coverage: "how you will pay",
      minutes: "the length of each visit",
      visits: "the number of visits",
      cpt: "the service code",
      allowedPerUnit: "the allowed amount per unit",
      allowedPerVisit: "the allowed amount per visit",
      deductibleRemaining: "the deductible left this year",
      deductibleAnnual: "the yearly deductible",
      deductibleApplies: "whether your deductible applies",
      copay: "the copay",
      coinsurancePercent: "the coinsurance",
      oopRemaining: "the out-of-pocket maximum left this year",
      oopAnnual: "the yearly out-of-pocket maximum",
      coveredVisits: "the visits your plan still covers",
      coveredVisitsAnnual: "the visits your plan covers a year",
      benefitLimitRemaining: "the dollar limit left this year",
      benefitLimitAnnual: "the yearly dollar limit",
      startDate: "the date of your first visit",
      visitsPerWeek: "the visits a week",
      planYearStart: "the day your plan year starts",
      accidentDate: "the date of the accident",
      pipRemaining: "the PIP benefit left",
    },
  },
};

export type EstimatorMessages = typeof estimatorEn;
