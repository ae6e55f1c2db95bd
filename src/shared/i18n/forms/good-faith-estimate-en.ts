/** The Good Faith Estimate request's own words in English (the shared ones are in `common-en.ts`). */
export const goodFaithEstimateWordsEn = {
  gfe: {
    untilDate: { what: "the end date", label: "The end date", example: "6/30/2027" },
    preferredStart: { what: "the start date", label: "The start date", example: "1/12/2027" },
    dateInvalid: (what: string, example: string) =>
      `Enter ${what} as month/day/year, for example ${example}, or leave it empty.`,
    dateInPast: (what: string) => `Check ${what}: it is in the past.`,
    dateTooLate: (what: string) => `Check the year of ${what}: it is more than two years from now.`,
    coverage:
      "Choose why you are asking: you have no health insurance, or you will not use it for this care.",
    service: "Choose the kind of care: massage therapy or manual therapy.",
    sessionMinutes: (lengths: string) => `Choose the length of each visit: ${lengths} minutes.`,
    frequency: "Choose how often you would like care, for example once a week.",
    visits: {
      invalid: "Enter the number of visits as a whole number, for example 8.",
      tooFew: "The number of visits must be at least 1.",
      tooMany: (max: number) => `Enter at most ${max} visits. An estimate covers at most 12 months of care.`,
    },
    diagnosisCode:
      "Enter the diagnosis code like M54.50: a letter, two characters, then a dot and up to 4 more. Or leave it empty.",
    visitsOrEnd: "Enter how many visits, or the last date you expect care, so we can estimate the cost.",
    endBeforeStart: "The end date must be on or after the start date. Check both dates.",
  },
};

export type GoodFaithEstimateWords = typeof goodFaithEstimateWordsEn;
