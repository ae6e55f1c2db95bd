/**
 * The optional visit details a clinic writes in its own words, in the order pages show them: each
 * one's build setting and what a build without it means (the build's warnings say it). Each has
 * an optional Spanish twin, the same name with `_ES`, for the Spanish pages. No imports: the Astro
 * config reads this table too.
 */
export const visitSettings = {
  hours: { name: "PUBLIC_CLINIC_HOURS", unset: "no page shows opening hours", about: "opening hours" },
  parking: { name: "PUBLIC_CLINIC_PARKING", unset: "no page says where to park", about: "where to park" },
  access: {
    name: "PUBLIC_CLINIC_ACCESS",
    unset: "no page says whether there is step-free access",
    about: "step-free access",
  },
  whatToBring: {
    name: "PUBLIC_WHAT_TO_BRING",
    unset: "no page says what to bring to a visit",
    about: "what to bring",
  },
  cancellationPolicy: {
    name: "PUBLIC_CANCELLATION_POLICY",
    unset: "the pricing page shows no cancellation policy",
    about: "the cancellation policy",
  },
} as const;

/** The setting that holds a visit detail's Spanish text (`PUBLIC_CLINIC_HOURS` → `PUBLIC_CLINIC_HOURS_ES`). */
export const spanishTwin = (name: string): string => `${name}_ES`;
